/** Uploads a file to POST /api/v1/store-imports as the dashboard does, and waits for its job (tests of the store imports). */
import { expect } from 'vitest';
import { StartStoreImportAnswerSchema } from '../../src/core/api/storeImports.ts';
import type { Client } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';

export async function upload(client: Client, body: string | Buffer, query: string) {
  const res = await fetch(`${client.baseUrl}/api/v1/store-imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', cookie: (client as unknown as { cookie: string }).cookie },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

export async function importFile(client: Client, body: string | Buffer, query: string) {
  const started = await upload(client, body, query);
  expect(started.status, started.text).toBe(202);
  expect(StartStoreImportAnswerSchema.safeParse(started.json).success).toBe(true);
  let imp: any;
  await waitFor(async () => {
    imp = (await client.get(`/api/v1/store-imports/${started.json.import.id}`)).json?.import;
    return imp?.status !== 'running';
  }, 'the import to finish');
  return imp;
}

