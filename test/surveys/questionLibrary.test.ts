import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';

const satisfaction = {
  id: 'ignored-id', key: 'satisfaction', type: 'rating', metric: 'csat', required: true, scale: { min: 1, max: 5 },
  text: { en: 'How satisfied are you?', ru: 'Насколько вы довольны?', fa: 'چقدر راضی هستید؟' },
  showIf: { question: 'nps', op: 'gte', value: 9 }, archivedInVersion: null,
};

describe('question library API', () => {
  let server: TestServer;
  let analyst: Client;
  let viewer: Client;
  let outsider: Client;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Library Org');
    await buildUser(server.pool, org.orgId, 'analyst', 'analyst@library.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@library.test');
    const other = await buildOrg(server.pool, 'Other Library Org');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other-library.test');
    [analyst, viewer, outsider] = await Promise.all(
      ['analyst@library.test', 'viewer@library.test', 'owner@other-library.test'].map((e) => signIn(server.baseUrl, e)),
    );
  });
  afterAll(async () => server?.close());

  it('saves a question with its translations, key and metric, without what belongs to one survey', async () => {
    const res = await analyst.post('/api/v1/question-library', { question: satisfaction });
    expect(res.status).toBe(201);
    expect(res.json.entry.key).toBe('satisfaction');
    expect(res.json.entry.question).toEqual({
      key: 'satisfaction', type: 'rating', metric: 'csat', required: true, scale: { min: 1, max: 5, style: 'numbers', labels: {} }, boxMin: 4,
      text: { en: 'How satisfied are you?', ru: 'Насколько вы довольны?', fa: 'چقدر راضی هستید؟' },
    });
    expect(res.json.entry.savedBy).toBe('analyst@library.test');
    const list = await viewer.get('/api/v1/question-library');
    expect(list.status).toBe(200);
    expect(list.json.entries.map((e: { key: string }) => e.key)).toEqual(['satisfaction']);
  });

  it('answers 409 for a key the library has, and replaces it only when asked', async () => {
    const changed = { ...satisfaction, text: { en: 'Happy with us?' } };
    const clash = await analyst.post('/api/v1/question-library', { question: changed });
    expect(clash.status).toBe(409);
    expect(clash.json.message).toBe('The library already has a question with the key "satisfaction": replace it, or change the key first');
    const before = (await viewer.get('/api/v1/question-library')).json.entries[0];
    expect(before.question.text.en).toBe('How satisfied are you?');
    const replaced = await analyst.post('/api/v1/question-library', { question: changed, replace: true });
    expect(replaced.status).toBe(201);
    expect(replaced.json.entry.id).toBe(before.id);
    expect(replaced.json.entry.question.text).toEqual({ en: 'Happy with us?' });
  });

  it('validates the question like the builder does (400 naming the field)', async () => {
    const badKey = await analyst.post('/api/v1/question-library', { question: { ...satisfaction, key: 'Bad Key' } });
    expect(badKey.status).toBe(400);
    expect(badKey.json.message).toBe('question.key: use 1-40 characters a-z, 0-9 or _');
    const badMetric = await analyst.post('/api/v1/question-library', { question: { key: 'comment', type: 'text', metric: 'csat', text: { en: 'Anything else?' } } });
    expect(badMetric.status).toBe(400);
    expect(badMetric.json.message).toBe('question.metric: a text question cannot feed a metric');
    const why = await analyst.post('/api/v1/question-library', { question: { key: 'why', type: 'text', text: { en: 'Why?' }, followsQuestionKey: 'nps' } });
    expect(why.status).toBe(400);
    expect(why.json.message).toMatch(/^question\.followsQuestionKey: /);
  });

  it('keeps each organisation\'s library to itself', async () => {
    expect((await outsider.get('/api/v1/question-library')).json.entries).toEqual([]);
    // The same key in another organisation is no conflict.
    expect((await outsider.post('/api/v1/question-library', { question: satisfaction })).status).toBe(201);
    const ours = (await viewer.get('/api/v1/question-library')).json.entries[0];
    expect((await outsider.delete(`/api/v1/question-library/${ours.id}`)).status).toBe(404);
    expect((await viewer.get('/api/v1/question-library')).json.entries).toHaveLength(1);
  });

  it('lets survey.read list but not write, and deletes with survey.edit', async () => {
    expect((await viewer.post('/api/v1/question-library', { question: { ...satisfaction, key: 'other' } })).status).toBe(403);
    const ours = (await viewer.get('/api/v1/question-library')).json.entries[0];
    expect((await viewer.delete(`/api/v1/question-library/${ours.id}`)).status).toBe(403);
    expect((await analyst.delete(`/api/v1/question-library/${ours.id}`)).status).toBe(200);
    expect((await analyst.delete(`/api/v1/question-library/${ours.id}`)).status).toBe(404);
    expect((await viewer.get('/api/v1/question-library')).json.entries).toEqual([]);
  });
});
