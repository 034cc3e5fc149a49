/** An organisation with an owner, a region with a store, a second store elsewhere and a live NPS survey; keys made through the admin API. */
import { buildLocation, buildOrgWithOwner, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

export interface IntegrationFixture {
  orgId: string;
  owner: Client;
  regionId: string;
  storeInRegion: string;
  otherStore: string;
  survey: SurveyFixture;
}

export async function buildIntegrationOrg(server: TestServer, name: string, ownerEmail: string): Promise<IntegrationFixture> {
  const { org, store, owner } = await buildOrgWithOwner(server, name, ownerEmail);
  const root = { id: org.rootLocationId, path: org.rootPath };
  const region = await buildLocation(server.pool, org.orgId, root, 'region', 'North');
  const storeInRegion = await buildLocation(server.pool, org.orgId, region, 'store', 'North store');
  const survey = await buildSurvey(server.pool, org.orgId);
  return { orgId: org.orgId, owner, regionId: region.id, storeInRegion: storeInRegion.id, otherStore: store.id, survey };
}

/** Makes a key through POST /org/api-keys and returns it. */
export async function makeKey(owner: Client, scope: 'ingest' | 'read', locationId?: string): Promise<{ key: string; id: string }> {
  const res = await owner.post('/api/v1/org/api-keys', { name: `${scope} key`, scope, ...(locationId ? { locationId } : {}) });
  if (res.status !== 201) throw new Error(`key not made: ${res.status} ${res.text}`);
  return { key: res.json.key, id: res.json.apiKey.id };
}

/** A request with the key only (no cookie). */
export async function withKey(server: TestServer, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
