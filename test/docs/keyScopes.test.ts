/**
 * docs/api.md's API-key table names exactly the routes each scope may call: read from the document and compared with
 * KEY_OPERATIONS (src/core/api/keyRoutes.ts), the table the key check enforces, so the documentation cannot drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_OPERATIONS } from '../../src/core/api/keyRoutes.ts';
import { API_KEY_SCOPES } from '../../src/core/integrations/apiKeys.ts';

function documentedRoutes(): Map<string, Set<string>> {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## API keys'));
  const table = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const row = /^\| `([a-z]+)` \| (.*) \|$/.exec(line);
    if (!row) continue;
    table.set(row[1], new Set([...row[2].matchAll(/`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`/g)].map((m) => `${m[1]} /api/v1${m[2]}`)));
  }
  return table;
}

describe('the API-key scope table in docs/api.md', () => {
  it('has one row per scope listing exactly the routes the key check lets that scope call', () => {
    const table = documentedRoutes();
    expect([...table.keys()].sort()).toEqual([...API_KEY_SCOPES].sort());
    for (const scope of API_KEY_SCOPES) {
      const enforced = KEY_OPERATIONS.filter((op) => op.scope === scope).map((op) => `${op.method} ${op.path}`);
      expect([...table.get(scope)!].sort(), scope).toEqual(enforced.sort());
    }
  });
});
