import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from './logging.ts';

describe('redactUrl', () => {
  it('masks invitation tokens in the SPA and API paths', () => {
    expect(redactUrl('/invite/AbC-123_xyz')).toBe('/invite/[redacted]');
    expect(redactUrl('/api/v1/invitations/AbC-123_xyz')).toBe('/api/v1/invitations/[redacted]');
    expect(redactUrl('/api/v1/invitations/AbC-123_xyz/accept')).toBe('/api/v1/invitations/[redacted]/accept');
  });

  it('masks shared link tokens (docs/sharing.md)', () => {
    expect(redactUrl('/p/AbC-123_xyz')).toBe('/p/[redacted]');
    expect(redactUrl('/p/AbC-123_xyz/embed?lang=fa')).toBe('/p/[redacted]/embed?lang=fa');
    expect(redactUrl('/p/AbC-123_xyz/unlock')).toBe('/p/[redacted]/unlock');
  });

  it('drops the query of respondent pages (hidden fields) and leaves other URLs alone', () => {
    expect(redactUrl('/s/visit-ab12?loc=S-01&email=a%40b.test')).toBe('/s/visit-ab12?[redacted]');
    expect(redactUrl('/s/visit-ab12')).toBe('/s/visit-ab12');
    expect(redactUrl('/api/v1/invitations')).toBe('/api/v1/invitations');
    expect(redactUrl('/api/v1/surveys?x=1')).toBe('/api/v1/surveys?x=1');
  });

  it('is what Fastify writes in request lines', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = Fastify({ logger: { ...loggerOptions(), stream } });
    app.get('/invite/:token', async () => 'ok');
    await app.inject({ method: 'GET', url: '/invite/secret-token-value', headers: { cookie: 'sarafan_session=abc' } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/invite/[redacted]');
    expect(log).not.toContain('secret-token-value');
    expect(log).not.toContain('sarafan_session');
  });
});
