import type pg from 'pg';
import { releaseClient } from './connection.ts';

/** What follows BEGIN: the default, a read-only transaction, or a single snapshot. */
export type TransactionMode = '' | 'read only' | 'isolation level read committed' | 'isolation level repeatable read';

/** Runs `fn` in a transaction on a connection the caller holds; rolls back on any error. */
export async function inTransaction<T>(client: pg.PoolClient, fn: (tx: pg.PoolClient) => Promise<T>, mode: TransactionMode = ''): Promise<T> {
  await client.query(mode ? `begin ${mode}` : 'begin');
  try {
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  }
}

/**
 * Runs `fn` in a transaction on one pooled connection; rolls back on any error. A connection lost
 * meanwhile is destroyed rather than returned to the pool.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>, mode: TransactionMode = ''): Promise<T> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    return await inTransaction(client, fn, mode);
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    releaseClient(client, failure);
  }
}
