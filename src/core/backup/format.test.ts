import { describe, expect, it } from 'vitest';
import {
  BACKUP_MAGIC,
  BackupChecker,
  BackupFileError,
  FrameDecoder,
  countCopyRows,
  encodeFrame,
  firstDependencyViolation,
  orderByDependencies,
  planRestoreSchema,
  type Frame,
} from './format.ts';

const header = { format: 'sarafan-backup', formatVersion: 1, createdAt: '2026-01-01T00:00:00Z', migrations: ['001_init.sql'], tables: [{ name: 'orgs', columns: ['id'] }, { name: 'users', columns: ['id', 'org_id'] }] };

/** A complete file's decompressed bytes: orgs with 2 rows, users with 1. */
function wholeFile(): Buffer {
  return Buffer.concat([
    Buffer.from(BACKUP_MAGIC),
    encodeFrame('H', header),
    encodeFrame('T', { table: 'orgs' }),
    encodeFrame('D', Buffer.from('a\nb\n')),
    encodeFrame('E', { table: 'orgs', rows: 2 }),
    encodeFrame('T', { table: 'users' }),
    encodeFrame('D', Buffer.from('u1\ta\n')),
    encodeFrame('E', { table: 'users', rows: 1 }),
    encodeFrame('Z', { tables: 2, rows: 3 }),
  ]);
}

function decodeInChunks(bytes: Buffer, size: number): Frame[] {
  const d = new FrameDecoder();
  const frames: Frame[] = [];
  for (let i = 0; i < bytes.length; i += size) frames.push(...d.push(bytes.subarray(i, i + size)));
  d.end();
  return frames;
}

function check(frames: Frame[]) {
  const c = new BackupChecker();
  for (const f of frames) c.frame(f);
  return c.finish();
}

describe('frames', () => {
  it('encodes type, big-endian length and payload', () => {
    expect([...encodeFrame('D', Buffer.from('ab'))]).toEqual([0x44, 0, 0, 0, 2, 0x61, 0x62]);
  });

  it('decodes the same frames whatever the chunk boundaries', () => {
    const bytes = wholeFile();
    const types = decodeInChunks(bytes, bytes.length).map((f) => f.type).join('');
    expect(types).toBe('HTDETDEZ');
    for (const size of [1, 3, 7, 64]) expect(decodeInChunks(bytes, size).map((f) => f.type).join('')).toBe(types);
  });

  it('counts COPY rows by their line ends', () => {
    expect(countCopyRows(Buffer.from('1\tx\\ny\n2\tz\n'))).toBe(2);
    expect(countCopyRows(Buffer.alloc(0))).toBe(0);
  });
});

describe('checking a whole file', () => {
  it('accepts a complete file and reports rows per table', () => {
    const summary = check(decodeInChunks(wholeFile(), 5));
    expect(summary.rows).toEqual({ orgs: 2, users: 1 });
    expect(summary.totalRows).toBe(3);
    expect(summary.header.migrations).toEqual(['001_init.sql']);
  });

  it('refuses other files, truncated files and altered counts', () => {
    const bytes = wholeFile();
    expect(() => decodeInChunks(Buffer.from('PK\u0003\u0004 zip'), 4)).toThrow(/not a Sarafan backup/);
    expect(() => decodeInChunks(bytes.subarray(0, bytes.length - 3), 8)).toThrow(/truncated/);
    const lastTableEnd = bytes.lastIndexOf(encodeFrame('E', { table: 'users', rows: 1 }));
    expect(() => check(decodeInChunks(bytes.subarray(0, lastTableEnd), 8))).toThrow(/truncated \(its end is missing\)/);
    const miscounted = Buffer.from(bytes.toString('latin1').replace('"rows":2', '"rows":3'), 'latin1');
    expect(() => check(decodeInChunks(miscounted, 8))).toThrow(/orgs holds 2 rows, its end says 3/);
    const newer = Buffer.from(bytes.toString('latin1').replace('"formatVersion":1', '"formatVersion":2'), 'latin1');
    expect(() => check(decodeInChunks(newer, 8))).toThrow(/format version 2; this Sarafan reads version 1/);
    expect(() => check(decodeInChunks(bytes, 8))).not.toThrow();
    expect(() => decodeInChunks(Buffer.concat([Buffer.from(BACKUP_MAGIC), Buffer.from('X\0\0\0\0')]), 8)).toThrow(BackupFileError);
  });
});

describe('load order', () => {
  const deps = [
    { child: 'users', parent: 'orgs' },
    { child: 'locations', parent: 'orgs' },
    { child: 'locations', parent: 'locations' },
    { child: 'user_locations', parent: 'users' },
    { child: 'user_locations', parent: 'locations' },
  ];

  it('puts parents before children (each step: the first table in input order whose parents are placed), ignoring self-references', () => {
    expect(orderByDependencies(['user_locations', 'users', 'locations', 'orgs', 'audit_log'], deps)).toEqual(['orgs', 'users', 'locations', 'user_locations', 'audit_log']);
    expect(() => orderByDependencies(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle/);
  });

  it('finds a child listed before its parent', () => {
    expect(firstDependencyViolation(['orgs', 'users', 'locations', 'user_locations'], deps)).toBeNull();
    expect(firstDependencyViolation(['users', 'orgs'], deps)).toEqual({ child: 'users', parent: 'orgs' });
  });
});

describe('planRestoreSchema', () => {
  const code = ['001.sql', '002.sql', '003.sql'];

  it('builds the schema of an empty target up to the backup level', () => {
    expect(planRestoreSchema(['001.sql', '002.sql'], code, [], false)).toEqual({ action: 'migrate-first', upTo: '002.sql' });
    expect(planRestoreSchema(code, code, [], false)).toEqual({ action: 'migrate-first', upTo: '003.sql' });
  });

  it('loads into a target at the same level', () => {
    expect(planRestoreSchema(['001.sql'], code, ['001.sql'], true)).toEqual({ action: 'load' });
  });

  it('refuses a newer backup, a level this code never had, and a target at another level', () => {
    const newer = planRestoreSchema([...code, '004.sql'], code, [], false);
    expect(newer.action === 'refuse' && newer.reason).toMatch(/newer Sarafan.*004\.sql.*upgrade Sarafan/);
    const gap = planRestoreSchema(['001.sql', '003.sql'], code, [], false);
    expect(gap.action === 'refuse' && gap.reason).toMatch(/not a level this Sarafan went through/);
    const other = planRestoreSchema(['001.sql'], code, code, true);
    expect(other.action === 'refuse' && other.reason).toMatch(/target database's schema is at migration 003\.sql, the backup's at 001\.sql: restore into an empty database/);
    const foreign = planRestoreSchema(['001.sql'], code, [], true);
    expect(foreign.action).toBe('refuse');
  });
});
