/**
 * @module The Sarafan backup file (docs/operations.md "Backup and restore"): gzip of
 *   "SARAFAN-BACKUP\n" then frames of (type byte, payload length as uint32 big-endian, payload):
 *   H header JSON (format, version, migration level, tables and columns in load order),
 *   then per table T {"table"}, D* (PostgreSQL COPY text rows, as the server sent them), E {"table","rows"},
 *   and Z {"tables","rows"} last. The frames make a truncated or altered file detectable before
 *   anything is written (every table must end with its row count, the file with Z), on top of
 *   gzip's own CRC. Pure: byte handling and checks only; reading and writing live in src/db/backup.
 */

export const BACKUP_MAGIC = 'SARAFAN-BACKUP\n';
export const BACKUP_FORMAT = 'sarafan-backup';
/** Bumped when the file layout changes; restore refuses versions it does not know. */
export const BACKUP_FORMAT_VERSION = 1;
/** Larger than any frame we write (COPY sends at most 64 kB per message): a bigger length is corruption. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

export type FrameType = 'H' | 'T' | 'D' | 'E' | 'Z';
export interface Frame {
  type: FrameType;
  payload: Buffer;
}

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Applied migrations of the source database (file names, sorted): its schema level. */
  migrations: string[];
  /** Every table of the schema, parents before children (foreign keys), in the order they follow. */
  tables: BackupTable[];
}

/** What a complete, checked backup file holds. */
export interface BackupSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  totalRows: number;
}

/** The file is not a complete Sarafan backup; the message says why, for the person restoring. */
export class BackupFileError extends Error {}

export function encodeFrame(type: FrameType, payload: Buffer | string | object): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

const FRAME_TYPES = new Set<string>(['H', 'T', 'D', 'E', 'Z']);

/** Splits the decompressed byte stream into the magic and frames, whatever the chunk boundaries. */
export class FrameDecoder {
  private buffered: Buffer = Buffer.alloc(0);
  private magicSeen = false;

  /** @returns the frames completed by this chunk. @throws BackupFileError on anything not a Sarafan backup */
  push(chunk: Buffer): Frame[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    if (!this.magicSeen) {
      const magic = Buffer.from(BACKUP_MAGIC, 'latin1');
      const n = Math.min(this.buffered.length, magic.length);
      if (!this.buffered.subarray(0, n).equals(magic.subarray(0, n))) throw new BackupFileError('not a Sarafan backup (it does not start with the Sarafan backup signature)');
      if (this.buffered.length < magic.length) return [];
      this.buffered = this.buffered.subarray(magic.length);
      this.magicSeen = true;
    }
    const frames: Frame[] = [];
    while (this.buffered.length >= 5) {
      const type = String.fromCharCode(this.buffered[0]);
      const length = this.buffered.readUInt32BE(1);
      if (!FRAME_TYPES.has(type) || length > MAX_FRAME_BYTES) throw new BackupFileError('the backup is corrupt (an unreadable block)');
      if (this.buffered.length < 5 + length) break;
      frames.push({ type: type as FrameType, payload: this.buffered.subarray(5, 5 + length) });
      this.buffered = this.buffered.subarray(5 + length);
    }
    return frames;
  }

  /** @throws BackupFileError when the stream stopped inside the signature or a frame */
  end(): void {
    if (!this.magicSeen || this.buffered.length > 0) throw new BackupFileError('the backup is truncated (it ends inside a block)');
  }
}

/** Rows in a chunk of COPY text output: COPY escapes newlines inside values, so each row ends with the only raw LF. */
export function countCopyRows(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

function parseJson(payload: Buffer, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(payload.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw new BackupFileError(`the backup is corrupt (unreadable ${what})`);
}

const isNameList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

/** @throws BackupFileError unless the payload is a header of a format version this code reads */
export function parseHeader(payload: Buffer): BackupHeader {
  const h = parseJson(payload, 'header');
  if (h.format !== BACKUP_FORMAT) throw new BackupFileError('not a Sarafan backup (unknown header)');
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`the backup has format version ${String(h.formatVersion)}; this Sarafan reads version ${BACKUP_FORMAT_VERSION} (restore it with the Sarafan version that wrote it, or a newer one)`);
  }
  const tables = h.tables;
  if (!isNameList(h.migrations) || !Array.isArray(tables) || !tables.every((t) => t && typeof t.name === 'string' && isNameList(t.columns)) || typeof h.createdAt !== 'string') {
    throw new BackupFileError('the backup is corrupt (incomplete header)');
  }
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: h.createdAt, migrations: h.migrations, tables: tables as BackupTable[] };
}

/**
 * Follows the frames of a whole file and checks their order and row counts: the header, then each
 * header table once, in order, closed by its row count, then the end frame. Feed every frame to
 * `frame`, then call `finish`.
 */
export class BackupChecker {
  header: BackupHeader | null = null;
  private tableIndex = -1;
  private inTable = false;
  private counted = 0;
  private done = false;
  readonly rows: Record<string, number> = {};

  /** The table whose data frames are being read, if any. */
  get currentTable(): BackupTable | null {
    return this.header && this.inTable ? this.header.tables[this.tableIndex] : null;
  }

  /** @throws BackupFileError when the frame is out of place or a count disagrees */
  frame(f: Frame): void {
    const corrupt = (why: string) => new BackupFileError(`the backup is corrupt (${why})`);
    if (this.done) throw corrupt('data after the end');
    if (!this.header) {
      if (f.type !== 'H') throw corrupt('no header');
      this.header = parseHeader(f.payload);
      return;
    }
    const tables = this.header.tables;
    switch (f.type) {
      case 'T': {
        const t = parseJson(f.payload, 'table start');
        if (this.inTable || tables[this.tableIndex + 1]?.name !== t.table) throw corrupt(`unexpected table ${String(t.table)}`);
        this.tableIndex++;
        this.inTable = true;
        this.counted = 0;
        return;
      }
      case 'D':
        if (!this.inTable) throw corrupt('rows outside a table');
        this.counted += countCopyRows(f.payload);
        return;
      case 'E': {
        const e = parseJson(f.payload, 'table end');
        const table = tables[this.tableIndex];
        if (!this.inTable || e.table !== table.name) throw corrupt('a table end out of place');
        if (e.rows !== this.counted) throw corrupt(`table ${table.name} holds ${this.counted} rows, its end says ${String(e.rows)}`);
        this.rows[table.name] = this.counted;
        this.inTable = false;
        return;
      }
      case 'Z':
        if (this.inTable || this.tableIndex !== tables.length - 1) throw corrupt('it ends before every table');
        this.done = true;
        return;
      default:
        throw corrupt('a second header');
    }
  }

  /** @throws BackupFileError unless the end frame was read */
  finish(): BackupSummary {
    if (!this.header || !this.done) throw new BackupFileError('the backup is truncated (its end is missing)');
    return { header: this.header, rows: this.rows, totalRows: Object.values(this.rows).reduce((a, b) => a + b, 0) };
  }
}

/** A foreign key of the target schema: `child` rows point at `parent` rows. */
export interface TableDependency {
  child: string;
  parent: string;
}

/**
 * Tables ordered so every table comes after the tables its foreign keys point at (self-references
 * need no order: COPY checks them at the end of its statement). Each step takes the first table, in
 * input order, whose parents are placed.
 * @throws Error on a cycle between tables (the schema has none; COPY could not load one)
 */
export function orderByDependencies(tables: readonly string[], deps: readonly TableDependency[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables];
  while (remaining.length > 0) {
    const next = remaining.findIndex((t) => deps.every((d) => d.child !== t || d.parent === t || placed.has(d.parent) || !tables.includes(d.parent)));
    if (next === -1) throw new Error(`foreign keys form a cycle between tables ${remaining.join(', ')}`);
    const [table] = remaining.splice(next, 1);
    ordered.push(table);
    placed.add(table);
  }
  return ordered;
}

/** The first foreign key whose parent table comes after its child in `order` (self-references are fine), or null. */
export function firstDependencyViolation(order: readonly string[], deps: readonly TableDependency[]): TableDependency | null {
  const position = new Map(order.map((t, i) => [t, i]));
  return deps.find((d) => d.child !== d.parent && (position.get(d.parent) ?? -1) > (position.get(d.child) ?? Infinity)) ?? null;
}

/** What restore does about the schema, decided from migration levels (file names, sorted). */
export type RestoreSchemaPlan = { action: 'load' } | { action: 'migrate-first'; upTo: string } | { action: 'refuse'; reason: string };

/**
 * @param backup migrations applied in the backed-up database
 * @param code migrations this Sarafan ships
 * @param target migrations applied in the target database (empty when it has no Sarafan schema)
 * @param targetHasTables whether the target schema holds any table
 */
export function planRestoreSchema(backup: readonly string[], code: readonly string[], target: readonly string[], targetHasTables: boolean): RestoreSchemaPlan {
  const unknown = backup.filter((m) => !code.includes(m));
  if (unknown.length > 0) {
    return { action: 'refuse', reason: `the backup was made by a newer Sarafan (its schema has migration ${unknown[unknown.length - 1]}, unknown here): upgrade Sarafan, then restore` };
  }
  if (backup.length === 0 || backup.some((m, i) => code[i] !== m)) {
    return { action: 'refuse', reason: `the backup's schema (migrations: ${backup.join(', ') || 'none'}) is not a level this Sarafan went through; restore it with the Sarafan version that made it` };
  }
  const backupLevel = backup[backup.length - 1];
  if (target.length === 0 && !targetHasTables) return { action: 'migrate-first', upTo: backupLevel };
  if (target.length === backup.length && target.every((m, i) => backup[i] === m)) return { action: 'load' };
  return {
    action: 'refuse',
    reason:
      `the target database's schema is at migration ${target[target.length - 1] ?? '(none, but it holds other tables)'}, the backup's at ${backupLevel}: ` +
      `restore into an empty database (a new SARAFAN_DATA_DIR, or a new database in DATABASE_URL); Sarafan then migrates the restored data to its own level`,
  };
}
