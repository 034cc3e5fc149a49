/**
 * @module The sentiment classifier as JSON (docs/text.md, "Model file"): labels, what it was trained on
 * and its cross-validated quality, and per member model its feature options, bias and the weights that
 * are not near zero (indices and values as base64 of little-endian uint32 / float32). Version 3 added
 * the `punctuation` feature option (a version-2 reader would ignore it and predict wrongly, so the
 * version says it); version 2 files (the same layout, no punctuation) and version 1 files (one model,
 * all weights dense) are still read and predict as before. Reading checks every field, so a wrong or truncated
 * file fails with a clear message.
 */
import type { FeatureOptions } from './features.ts';
import { isSentimentLabel, type SentimentLabel } from './labels.ts';
import type { SentimentClassifier } from './sentiment.ts';
import type { SentimentModel } from './sentimentModel.ts';

export const MODEL_FORMAT = 'sarafan.sentiment-model';
export const MODEL_VERSION = 3;

/** Weights smaller than this (in absolute value) are left out of the file (read back as 0). */
export const PRUNE_BELOW = 1e-4;

/** Cross-validated quality stored with a model (shown to the user beside its predictions). */
export interface ModelQuality {
  folds: number;
  n: number;
  accuracy: number;
  macroF1: number;
}

export interface MemberJson {
  features: FeatureOptions;
  bias: number[];
  /** Positions (class row x 2^bits + feature) of the kept weights, ascending: uint32 little-endian, base64. */
  index: string;
  /** The kept weights, same order: float32 little-endian, base64. */
  values: string;
}

export interface SentimentModelJson {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  labels: SentimentLabel[];
  counts: Partial<Record<SentimentLabel, number>>;
  quality: ModelQuality | null;
  members: MemberJson[];
}

export class ModelFormatError extends Error {}

function memberToJson(m: SentimentModel): MemberJson {
  let kept = 0;
  for (const w of m.weights) if (Math.abs(w) >= PRUNE_BELOW) kept++;
  const index = new DataView(new ArrayBuffer(kept * 4));
  const values = new DataView(new ArrayBuffer(kept * 4));
  let k = 0;
  m.weights.forEach((w, i) => {
    if (Math.abs(w) < PRUNE_BELOW) return;
    index.setUint32(k * 4, i, true);
    values.setFloat32(k * 4, w, true);
    k++;
  });
  return {
    features: m.features,
    bias: Array.from(m.bias),
    index: Buffer.from(index.buffer).toString('base64'),
    values: Buffer.from(values.buffer).toString('base64'),
  };
}

export function modelToJson(model: SentimentClassifier, quality: ModelQuality | null): SentimentModelJson {
  return { format: MODEL_FORMAT, version: MODEL_VERSION, labels: model.labels, counts: model.counts, quality, members: model.members.map(memberToJson) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min: number, max: number): x is number => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const OPTIONAL_FEATURES = ['wordTrigrams', 'binary', 'collapseMentions', 'squeeze', 'charAcross', 'punctuation'] as const;

/**
 * A classifier from its parsed JSON.
 * @throws ModelFormatError naming the first field that is wrong
 */
export function modelFromJson(json: unknown): { model: SentimentClassifier; quality: ModelQuality | null } {
  const fail = (what: string): never => {
    throw new ModelFormatError(`not a Sarafan sentiment model: ${what}`);
  };
  if (!isObject(json)) return fail('expected a JSON object');
  if (json.format !== MODEL_FORMAT) return fail(`"format" must be "${MODEL_FORMAT}"`);
  if (json.version !== 1 && json.version !== 2 && json.version !== MODEL_VERSION) return fail(`version ${String(json.version)} is not supported (this Sarafan reads versions 1 to ${MODEL_VERSION})`);
  const labels = json.labels;
  if (!Array.isArray(labels) || labels.length < 2 || labels.length > 3 || !labels.every((l) => typeof l === 'string' && isSentimentLabel(l))) return fail('"labels" must list two or three of negative, neutral, positive');
  const k = labels.length;
  const counts = isObject(json.counts) ? (json.counts as Partial<Record<SentimentLabel, number>>) : {};

  const member = (m: Record<string, unknown>, where: string): SentimentModel => {
    const f = m.features;
    if (!isObject(f) || !isInt(f.bits, 8, 24) || !isInt(f.charMin, 1, 10) || !isInt(f.charMax, 0, 10) || typeof f.wordBigrams !== 'boolean' || typeof f.negation !== 'boolean' || typeof f.lexicon !== 'boolean') return fail(`${where}"features" is malformed`);
    if (OPTIONAL_FEATURES.some((name) => f[name] !== undefined && typeof f[name] !== 'boolean')) return fail(`${where}"features" is malformed`);
    const features = { ...(f as unknown as FeatureOptions) };
    for (const name of OPTIONAL_FEATURES) features[name] = f[name] === true; // absent in older files: off
    const bias = m.bias;
    if (!Array.isArray(bias) || bias.length !== k || !bias.every((b) => typeof b === 'number' && Number.isFinite(b))) return fail(`${where}"bias" needs one number per label`);
    const size = k * 2 ** features.bits;
    const weights = new Float32Array(size);
    if (json.version === 1) {
      if (typeof m.weights !== 'string') return fail('"weights" must be a base64 string');
      const bytes = Buffer.from(m.weights, 'base64');
      if (bytes.length !== size * 4) return fail(`"weights" holds ${bytes.length} bytes, expected ${size * 4}`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < size; i++) weights[i] = view.getFloat32(i * 4, true);
    } else {
      if (typeof m.index !== 'string' || typeof m.values !== 'string') return fail(`${where}"index" and "values" must be base64 strings`);
      const index = Buffer.from(m.index, 'base64');
      const values = Buffer.from(m.values, 'base64');
      if (index.length % 4 !== 0 || index.length !== values.length) return fail(`${where}"index" (${index.length} bytes) and "values" (${values.length} bytes) must hold the same number of 4-byte items`);
      const iv = new DataView(index.buffer, index.byteOffset, index.byteLength);
      const vv = new DataView(values.buffer, values.byteOffset, values.byteLength);
      let last = -1;
      for (let j = 0; j < index.length / 4; j++) {
        const at = iv.getUint32(j * 4, true);
        if (at <= last || at >= size) return fail(`${where}"index" must ascend below ${size}`);
        last = at;
        const w = vv.getFloat32(j * 4, true);
        if (!Number.isFinite(w)) return fail(`${where}"values" must be finite`);
        weights[at] = w;
      }
    }
    return { labels: labels as SentimentLabel[], features, bias: Float64Array.from(bias as number[]), weights, counts };
  };

  let members: SentimentModel[];
  if (json.version === 1) members = [member(json, '')];
  else {
    if (!Array.isArray(json.members) || json.members.length === 0 || json.members.length > 8) return fail('"members" must list one to eight models');
    members = json.members.map((m, i) => (isObject(m) ? member(m, `members[${i}]: `) : fail(`members[${i}] must be an object`)));
  }
  const q = json.quality;
  const quality = isObject(q) && isInt(q.folds, 2, 100) && isInt(q.n, 0, Number.MAX_SAFE_INTEGER) && typeof q.accuracy === 'number' && typeof q.macroF1 === 'number' ? (q as unknown as ModelQuality) : null;
  return { model: { labels: labels as SentimentLabel[], counts, members }, quality };
}
