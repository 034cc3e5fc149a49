/**
 * @module Where evidence bytes live (docs/audits.md "Evidence"): one interface, two implementations: files
 * under a directory (default `<data dir>/evidence`, SARAFAN_EVIDENCE_DIR) or an S3-compatible store when
 * SARAFAN_S3_ENDPOINT and SARAFAN_S3_BUCKET are set. audit_evidence.storage says which one holds an upload,
 * so uploads made before S3 was configured stay readable from disk.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { resolveDataDir } from '../../db/connection.ts';

export type EvidenceStorage = 'disk' | 's3';

export interface EvidenceStore {
  readonly name: EvidenceStorage;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; a missing one is no error. */
  delete(key: string): Promise<void>;
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EvidenceSettings {
  dir: string;
  s3: S3Settings | null;
}

/** Storage keys are made by the server (`<org id>/<evidence id>`); anything else is refused. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;
function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`bad evidence storage key ${JSON.stringify(key)}`);
  return key;
}

export function evidenceKey(orgId: string, id: string): string {
  return checkKey(`${orgId}/${id}`);
}

export function diskEvidenceStore(dir: string): EvidenceStore {
  const file = (key: string) => path.join(dir, checkKey(key));
  return {
    name: 'disk',
    async put(key, bytes) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.${process.pid}.${Date.now()}.part`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, target);
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}

export function s3EvidenceStore(s: S3Settings): EvidenceStore {
  const client = new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
  });
  return {
    name: 's3',
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: checkKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: checkKey(key) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: checkKey(key) }));
    },
  };
}

/** Settings from the environment: SARAFAN_EVIDENCE_DIR (else `<SARAFAN_DATA_DIR>/evidence`) and SARAFAN_S3_*. */
export function evidenceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceSettings {
  const endpoint = env.SARAFAN_S3_ENDPOINT?.trim();
  const bucket = env.SARAFAN_S3_BUCKET?.trim();
  return {
    dir: path.resolve(env.SARAFAN_EVIDENCE_DIR ?? path.join(resolveDataDir(env.SARAFAN_DATA_DIR), 'evidence')),
    s3: endpoint && bucket
      ? {
          endpoint,
          bucket,
          region: env.SARAFAN_S3_REGION?.trim() || 'us-east-1',
          accessKeyId: env.SARAFAN_S3_ACCESS_KEY ?? '',
          secretAccessKey: env.SARAFAN_S3_SECRET_KEY ?? '',
        }
      : null,
  };
}

/** The stores of a configuration: new uploads go to `write` (S3 when configured); `of` reads by a row's storage. */
export interface EvidenceStores {
  write: EvidenceStore;
  of(storage: EvidenceStorage): EvidenceStore | null;
}

export function openEvidenceStores(settings: EvidenceSettings): EvidenceStores {
  const disk = diskEvidenceStore(settings.dir);
  const s3 = settings.s3 ? s3EvidenceStore(settings.s3) : null;
  return { write: s3 ?? disk, of: (storage) => (storage === 's3' ? s3 : disk) };
}
