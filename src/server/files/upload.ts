/**
 * @module File uploads of the import routes (support events, store imports): the request body streamed to a
 * temporary file (never buffered), its size limited, and its SHA-256 (the identity of an imported file).
 *
 * Exports: `saveUpload`, `fileDigest`, `MAX_UPLOAD_BYTES`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../core/errors.ts';

/** Largest file the dashboard accepts (a million events in canonical CSV is about 120 MB). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** SHA-256 (hex) and size of a file, streamed. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Counts bytes going through; fails the stream past `limit`. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(new DomainError('validation', `The file is larger than ${Math.round(limit / 1024 / 1024)} MB`, { field: 'file' }));
      else done(null, chunk);
    },
  });
}

/**
 * Streams `body` to a new file under SARAFAN_UPLOAD_DIR (else the system's temporary directory) / `dirName`.
 * @returns the file, its SHA-256 and size
 * @throws DomainError validation when the body is empty or larger than MAX_UPLOAD_BYTES (the file is removed)
 */
export async function saveUpload(body: Readable, dirName: string): Promise<{ file: string; sha256: string; bytes: number }> {
  const dir = path.join(process.env.SARAFAN_UPLOAD_DIR ?? os.tmpdir(), dirName);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${crypto.randomUUID()}.upload`);
  try {
    await pipeline(body, byteLimit(MAX_UPLOAD_BYTES), createWriteStream(file, { mode: 0o600 }));
    const { sha256, bytes } = await fileDigest(file);
    if (bytes === 0) throw new DomainError('validation', 'file: the file is empty', { field: 'file' });
    return { file, sha256, bytes };
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
}
