/**
 * @module The bodies of `sarafan text` (text.ts registers them): read the input, run the pipeline of
 * src/core/nlp, return what goes to stdout. Loaded only when a text command runs (the language
 * detector's n-gram table is large), so other commands start no slower.
 */
import fs from 'node:fs';
import { MIN_PER_LABEL_FOR_CV } from '../core/nlp/sentiment.ts';
import { cliText } from './messages.ts';
import {
  classifySentiment,
  compileThemes,
  keyPhrases,
  matchThemes,
  modelFromJson,
  modelToJson,
  parseLabelledTsv,
  prepareText,
  starterThemes,
  suggestThemes,
  termFrequencies,
  ThemeDictionarySchema,
  trainFromTexts,
  type Industry,
  type LabelledText,
  type ScoreScale,
  type SentimentClassifier,
  type ThemeDefinition,
} from '../core/nlp/index.ts';

/** Bad input or usage: printed without a stack, exit code 2. */
export class InputError extends Error {}

/** Fewest labelled texts `text train` accepts. */
const MIN_TRAINING_TEXTS = 10;
const MAX_LISTED_PROBLEMS = 10;

function readUtf8(file: string | number, what: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`cannot read ${what}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new InputError(`${what} is not valid UTF-8 text`);
  }
}

const readStdin = () => readUtf8(0, 'standard input');

/** The input's lines without the last empty one (a final newline does not make an extra item). */
function inputLines(content: string): string[] {
  const lines = content.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function readLabelled(content: string, what: string, scale?: ScoreScale): LabelledText[] {
  const { examples, problems } = parseLabelledTsv(content, scale);
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  line ${p.line}: ${p.message}`);
    const more = problems.length > MAX_LISTED_PROBLEMS ? [`  ... and ${problems.length - MAX_LISTED_PROBLEMS} more`] : [];
    throw new InputError([`${what}: ${problems.length} line(s) cannot be read:`, ...listed, ...more].join('\n'));
  }
  return examples;
}

function loadModel(file: string): SentimentClassifier {
  const content = readUtf8(file, `model ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new InputError(`model ${file} is not JSON (make one with "sarafan text train")`);
  }
  try {
    return modelFromJson(json).model;
  } catch (err) {
    throw new InputError(`model ${file}: ${(err as Error).message}`);
  }
}

function loadDictionary(file: string | undefined, industry: Industry | undefined): ThemeDefinition[] {
  if (!file) return starterThemes(industry);
  let json: unknown;
  try {
    json = JSON.parse(readUtf8(file, `dictionary ${file}`));
  } catch (err) {
    throw err instanceof InputError ? err : new InputError(`dictionary ${file} is not JSON`);
  }
  const parsed = ThemeDictionarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`dictionary ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** An option's whole-number value within [min, max], or an InputError naming the option. */
function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new InputError(`${option} must be a whole number from ${min} to ${max}`);
  return n;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const jsonLines = (items: readonly unknown[]) => items.map((x) => `${JSON.stringify(x)}\n`).join('');

export interface CommonOptions {
  lang: string;
}

export function trainCommand(opts: CommonOptions & { input: string; out: string; scale?: ScoreScale; folds: string }): string {
  const folds = wholeNumber(opts.folds, '--folds', 2, 20);
  const examples = readLabelled(readUtf8(opts.input, `input ${opts.input}`), opts.input, opts.scale);
  if (examples.length < MIN_TRAINING_TEXTS) throw new InputError(`${opts.input}: ${examples.length} labelled text(s); training needs at least ${MIN_TRAINING_TEXTS}`);
  const labels = new Set(examples.map((e) => e.label));
  if (labels.size < 2) throw new InputError(`${opts.input}: every text is "${[...labels][0]}"; training needs at least two of negative, neutral, positive`);
  const started = performance.now();
  const { model, quality } = trainFromTexts(examples, { folds, defaultLang: opts.lang });
  const seconds = (performance.now() - started) / 1000;
  try {
    fs.writeFileSync(opts.out, JSON.stringify(modelToJson(model, quality)));
  } catch (err) {
    throw new InputError(`cannot write ${opts.out}: ${(err as Error).message}`);
  }
  const counts = model.labels.map((l) => `${l} ${model.counts[l] ?? 0}`).join(', ');
  const common = { classes: model.labels.length, texts: examples.length, counts, seconds, file: opts.out };
  const line = quality
    ? cliText('text.trained', { ...common, folds: quality.folds, accuracy: quality.accuracy, macroF1: quality.macroF1 })
    : cliText('text.trainedUnmeasured', { ...common, min: Math.max(MIN_PER_LABEL_FOR_CV, folds) });
  return `${line}\n`;
}

export function sentimentCommand(opts: CommonOptions & { model?: string }): string {
  const model = opts.model ? loadModel(opts.model) : null;
  return inputLines(readStdin())
    .map((line) => {
      if (line.trim() === '') return `${JSON.stringify({ lang: null, sentiment: null, p: null })}\n`;
      const r = classifySentiment(prepareText(line, opts.lang), model);
      return `${JSON.stringify({ lang: r.lang, sentiment: r.sentiment, p: round(r.p) })}\n`;
    })
    .join('');
}

export function themesCommand(opts: CommonOptions & { industry?: Industry; dictionary?: string; discover?: boolean; k: string }): string {
  const lines = inputLines(readStdin());
  if (opts.discover) {
    const k = wholeNumber(opts.k, '--k', 2, 200);
    const texts = lines.filter((l) => l.trim() !== '');
    const suggestions = suggestThemes(
      texts.map((t) => prepareText(t, opts.lang)),
      { k },
    );
    return jsonLines(suggestions.map((s) => ({ size: s.size, words: s.words.map((w) => w.word), examples: s.examples.map((i) => texts[i]) })));
  }
  const themes = compileThemes(loadDictionary(opts.dictionary, opts.industry));
  return lines
    .map((line) => {
      if (line.trim() === '') return `${JSON.stringify({ lang: null, themes: [] })}\n`;
      const prepared = prepareText(line, opts.lang);
      return `${JSON.stringify({ lang: prepared.lang, themes: matchThemes(prepared, themes).map((m) => m.id) })}\n`;
    })
    .join('');
}

export function keyphrasesCommand(opts: CommonOptions & { scale?: ScoreScale; top: string; minCount: string }): string {
  const top = wholeNumber(opts.top, '--top', 1, 10_000);
  const minCount = wholeNumber(opts.minCount, '--min-count', 1, 1_000_000);
  const examples = readLabelled(readStdin(), 'standard input', opts.scale);
  const group = (label: string) => examples.filter((e) => e.label === label).map((e) => ({ text: e.text, prepared: prepareText(e.text, opts.lang) }));
  const negative = group('negative');
  const positive = group('positive');
  if (negative.length === 0 || positive.length === 0) throw new InputError('key phrases compare negative with positive texts: the input needs both');
  const { a, b } = keyPhrases(negative, positive, { top, minCount });
  const out = (groupName: string, phrases: typeof a) =>
    phrases.map((p) => ({ group: groupName, phrase: p.phrase, z: round(p.z), delta: round(p.delta), count: p.count, otherCount: p.otherCount, examples: p.examples }));
  return jsonLines([...out('negative', a), ...out('positive', b)]);
}

export function frequenciesCommand(opts: CommonOptions & { top: string; minCount: string }): string {
  const top = wholeNumber(opts.top, '--top', 1, 10_000);
  const minCount = wholeNumber(opts.minCount, '--min-count', 1, 1_000_000);
  const texts = inputLines(readStdin())
    .filter((l) => l.trim() !== '')
    .map((l) => prepareText(l, opts.lang));
  return jsonLines(termFrequencies(texts, { top, minCount }));
}

