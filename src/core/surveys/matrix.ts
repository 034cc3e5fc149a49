/**
 * @module Matrix questions. The builder and the API see a matrix as one question with rows; it is stored
 * as one rating question per row (key `<matrix key>__<row key>`, text the row label, `matrix` naming the
 * grid), so answers, rollups and every dashboard treat a row like any rating. expandMatrices turns the
 * first form into the second (when saved); groupMatrices turns it back (API answers, the respondent page).
 * Pure; no I/O.
 */
import type { LocalizedText, QuestionDef } from './types.ts';

/** The key a matrix row is stored under. */
export function matrixRowKey(matrixKey: string, rowKey: string): string {
  return `${matrixKey}__${rowKey}`;
}

/** Replaces each matrix question by its rows as rating questions (same scale, metric, box, condition, required). */
export function expandMatrices(questions: QuestionDef[]): QuestionDef[] {
  return questions.flatMap((q) => {
    if (q.type !== 'matrix') return [q];
    const { rows = [], text, id: _id, jumps, ...shared } = q;
    // The grid's jumps are taken after its last row (on every row they would skip the rows after the first).
    return rows.map((r, i) => ({
      ...shared, ...(jumps?.length && i === rows.length - 1 ? { jumps } : {}), type: 'rating' as const, key: matrixRowKey(q.key, r.key), text: r.label,
      matrix: { key: q.key, text },
    }));
  });
}

/**
 * Gathers the active rows of each matrix into one matrix question, placed where its first row is
 * (rows appended to a live survey come after later questions and join their grid again). Archived rows
 * stay single entries: they are echoed back as stored. Input ids are ignored, so a grid may carry its first row's.
 */
export function groupMatrices(questions: QuestionDef[]): QuestionDef[] {
  const out: QuestionDef[] = [];
  const grids = new Map<string, QuestionDef>();
  for (const q of questions) {
    if (!q.matrix || q.archivedInVersion != null) {
      out.push(q);
      continue;
    }
    const rowKey = q.key.slice(q.matrix.key.length + 2);
    const grid = grids.get(q.matrix.key);
    if (grid) {
      grid.rows!.push({ key: rowKey, label: q.text });
      grid.required ||= q.required;
      if (q.jumps?.length) grid.jumps = q.jumps;
      continue;
    }
    // The grid keeps its first row's id: a stored matrix is recognised as such (the builder locks its scale once live).
    const { matrix, text: label, ...shared } = q;
    const created: QuestionDef = { ...shared, type: 'matrix', key: matrix.key, text: matrix.text, rows: [{ key: rowKey, label }] };
    grids.set(matrix.key, created);
    out.push(created);
  }
  return out;
}

/** A question's wording for a list of columns: a matrix row as "<matrix text> – <row label>" in each language, others as written. */
export function standaloneText(q: Pick<QuestionDef, 'text' | 'matrix'>): LocalizedText {
  if (!q.matrix) return q.text;
  const out: LocalizedText = {};
  for (const lang of new Set([...Object.keys(q.matrix.text), ...Object.keys(q.text)])) {
    const grid = q.matrix.text[lang];
    const row = q.text[lang];
    out[lang] = grid && row ? `${grid} – ${row}` : (row ?? grid);
  }
  return out;
}
