/** @module The organisation's trained sentiment model (table text_models, migration 092). */
import type { Queryable } from '../connection.ts';

export interface TextModelStatus {
  trainedAt: string;
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  classes: string[];
}

/** What the status line shows (without the model itself), or null in lexicon mode. */
export async function getTextModelStatus(db: Queryable, orgId: string): Promise<TextModelStatus | null> {
  const { rows } = await db.query(
    `/* getTextModelStatus */
     select to_char(trained_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as trained_at, n, accuracy, macro_f1, classes
       from text_models where org_id = $1`,
    [orgId],
  );
  const r = rows[0];
  return r ? { trainedAt: r.trained_at, n: r.n, accuracy: r.accuracy, macroF1: r.macro_f1, classes: r.classes } : null;
}

/** The model file (JSON text) and when it was trained (exactly as stored: it marks the analyses it made), or null. */
export async function getTextModel(db: Queryable, orgId: string): Promise<{ json: string; trainedAt: string } | null> {
  const { rows } = await db.query(
    `/* getTextModel */
     select model, trained_at::text as trained_at from text_models where org_id = $1`,
    [orgId],
  );
  return rows[0] ? { json: rows[0].model, trainedAt: rows[0].trained_at } : null;
}

/** Replaces the organisation's model. */
export async function saveTextModel(db: Queryable, orgId: string, m: { json: string; n: number; accuracy: number | null; macroF1: number | null; classes: string[] }): Promise<void> {
  await db.query(
    `/* saveTextModel */
     insert into text_models (org_id, model, trained_at, n, accuracy, macro_f1, classes)
     values ($1, $2, clock_timestamp(), $3, $4, $5, $6)
     on conflict (org_id) do update
        set model = excluded.model, trained_at = excluded.trained_at, n = excluded.n,
            accuracy = excluded.accuracy, macro_f1 = excluded.macro_f1, classes = excluded.classes`,
    [orgId, m.json, m.n, m.accuracy, m.macroF1, m.classes],
  );
}
