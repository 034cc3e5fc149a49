/**
 * @module The sentiment model as JSON (docs/text.md, "Model file"): options, labels, bias and the weight
 * matrix as base64 of little-endian float32, plus what it was trained on and its cross-validated
 * quality. Reading checks every field, so a wrong or truncated file fails with a clear message.
 */
import type { FeatureOptions } from './features.ts';
import { isSentimentLabel, type SentimentLabel } from './labels.ts';
import type { SentimentModel } from './sentimentModel.ts';

export const MODEL_FORMAT = 'sarafan.sentiment-model';
export const MODEL_VERSION = 1;

/** Cross-validated quality stored with a model (shown to the user beside its predictions). */
export interface ModelQuality {
  folds: number;
  n: number;
  accuracy: number;
  macroF1: number;
}

export interface SentimentModelJson {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  labels: SentimentLabel[];
  features: FeatureOptions;
  counts: Partial<Record<SentimentLabel, number>>;
  quality: ModelQuality | null;
  bias: number[];
  /** labels.length x 2^bits float32, little-endian, base64. */
  weights: string;
}

export class ModelFormatError extends Error {}

export function modelToJson(model: SentimentModel, quality: ModelQuality | null): SentimentModelJson {
  const bytes = new Uint8Array(model.weights.length * 4);
  const view = new DataView(bytes.buffer);
  model.weights.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: model.labels,
    features: model.features,
    counts: model.counts,
    quality,
    bias: Array.from(model.bias),
    weights: Buffer.from(bytes).toString('base64'),
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min: number, max: number): x is number => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

/**
 * A model from its parsed JSON.
 * @throws ModelFormatError naming the first field that is wrong
 */
export function modelFromJson(json: unknown): { model: SentimentModel; quality: ModelQuality | null } {
  const fail = (what: string): never => {
    throw new ModelFormatError(`not a Sarafan sentiment model: ${what}`);
  };
  if (!isObject(json)) return fail('expected a JSON object');
  if (json.format !== MODEL_FORMAT) return fail(`"format" must be "${MODEL_FORMAT}"`);
  if (json.version !== MODEL_VERSION) return fail(`version ${String(json.version)} is not supported (this Sarafan reads version ${MODEL_VERSION})`);
  const labels = json.labels;
  if (!Array.isArray(labels) || labels.length < 2 || labels.length > 3 || !labels.every((l) => typeof l === 'string' && isSentimentLabel(l))) return fail('"labels" must list two or three of negative, neutral, positive');
  const f = json.features;
  if (!isObject(f) || !isInt(f.bits, 8, 24) || !isInt(f.charMin, 1, 10) || !isInt(f.charMax, 0, 10) || typeof f.wordBigrams !== 'boolean' || typeof f.negation !== 'boolean' || typeof f.lexicon !== 'boolean') return fail('"features" is malformed');
  const bias = json.bias;
  if (!Array.isArray(bias) || bias.length !== labels.length || !bias.every((b) => typeof b === 'number' && Number.isFinite(b))) return fail('"bias" needs one number per label');
  if (typeof json.weights !== 'string') return fail('"weights" must be a base64 string');
  const bytes = Buffer.from(json.weights, 'base64');
  const expected = labels.length * 2 ** (f.bits as number) * 4;
  if (bytes.length !== expected) return fail(`"weights" holds ${bytes.length} bytes, expected ${expected}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(bytes.length / 4);
  for (let i = 0; i < weights.length; i++) weights[i] = view.getFloat32(i * 4, true);
  const q = json.quality;
  const quality = isObject(q) && isInt(q.folds, 2, 100) && isInt(q.n, 0, Number.MAX_SAFE_INTEGER) && typeof q.accuracy === 'number' && typeof q.macroF1 === 'number' ? (q as unknown as ModelQuality) : null;
  const counts = isObject(json.counts) ? (json.counts as Partial<Record<SentimentLabel, number>>) : {};
  return {
    model: { labels: labels as SentimentLabel[], features: f as unknown as FeatureOptions, bias: Float64Array.from(bias as number[]), weights, counts },
    quality,
  };
}
