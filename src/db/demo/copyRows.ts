/**
 * Bulk loading with COPY ... FROM STDIN (text format): rows are serialised in chunks and streamed
 * with back-pressure, so memory stays flat however many rows the iterable yields.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from '../connection.ts';

/** A value COPY can take: null, text, number, boolean, Date, a text[] or a JSON object. */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | Record<string, unknown>;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeText = (s: string) => s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One value in COPY text format. */
export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(arrayLiteral(v as readonly string[]));
  return escapeText(JSON.stringify(v));
}

const CHUNK_CHARS = 256 * 1024;

async function* serialise(rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>, counter: { n: number }): AsyncGenerator<string> {
  let buf = '';
  for await (const row of rows) {
    buf += row.map(copyField).join('\t') + '\n';
    counter.n++;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/**
 * Streams `rows` (an iterable, or an async one such as a file being read) into `table` with COPY. Table and column names must come from the caller's
 * constants (they are identifiers, not bindable values).
 * @returns the number of rows written
 */
export async function copyRows(
  client: PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
): Promise<number> {
  if (!/^[a-z_]+$/.test(table) || !columns.every((c) => /^[a-z_]+$/.test(c))) throw new Error('copyRows: bad identifier');
  const counter = { n: 0 };
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(serialise(rows, counter)), sink);
  return counter.n;
}
