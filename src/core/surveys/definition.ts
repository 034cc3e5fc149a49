/**
 * @module The survey definition as the builder sends it (SurveyInput): one zod schema for shape and
 * field-level rules, plus structural rules that need the whole survey (keys unique, references only to
 * earlier questions, texts present in the default language). Pure; no I/O.
 * Live-edit rules (what may change once answers exist) are in revision.ts and re-exported here.
 */
import { z } from 'zod';
import { cesAgreeRange, surveyCsatBox } from '../stats/boxes.ts';
import { staffRoleIssues } from '../staff/roles.ts';
import { QUOTA_ACTIONS } from './quotas.ts';
import { RANDOMIZABLE_TYPES } from './displayOrder.ts';
import { scheduleIssues } from './schedule.ts';
import { END, MAX_LOGIC_DEPTH, isGroup, logicQuestions, pipedQuestions } from './flow.ts';
import { groupMatrices, matrixRowKey } from './matrix.ts';
import { LONG_SURVEY_WARNING, QUESTION_TYPES, STAFF_ROLES, SURVEY_AUDIENCES, type LocalizedText, type QuestionDef, type SurveyDef } from './types.ts';

/** ISO 639-1 code; en, ru and fa have full interface support, others are survey-text only. */
const LANG = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code');
export const KEY_PATTERN = /^[a-z0-9_]{1,40}$/;
export const SLUG_PATTERN = /^[a-z0-9-]{3,60}$/;

const text = (max: number) => z.record(LANG, z.string().trim().max(max, `at most ${max} characters`));
const key = z.string().regex(KEY_PATTERN, 'use 1-40 characters a-z, 0-9 or _');

const ScaleSchema = z.object({
  min: z.number().int(),
  max: z.number().int(),
  style: z.enum(['numbers', 'stars', 'smileys']).default('numbers'),
  labels: z.object({ min: text(80).optional(), max: text(80).optional() }).default({}),
});

const ShowIfSchema = z.object({
  question: key,
  op: z.enum(['lte', 'gte', 'eq', 'in', 'answered']),
  value: z.union([z.number(), z.string().max(100), z.array(z.union([z.number(), z.string().max(100)])).max(50)]).optional(),
});

const HIDDEN_NAME = z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'use 1-60 characters A-Z, a-z, 0-9, _, . or -');

/** One test of a logic group: the show-if operators over one subject (structuralIssues checks "exactly one"). */
const ConditionSchema = z.object({
  question: key.optional(),
  hidden: HIDDEN_NAME.optional(),
  channel: z.literal(true).optional(),
  language: z.literal(true).optional(),
  op: ShowIfSchema.shape.op,
  value: ShowIfSchema.shape.value,
});
type ConditionInput = z.infer<typeof ConditionSchema>;
interface GroupInput {
  all?: Array<ConditionInput | GroupInput>;
  any?: Array<ConditionInput | GroupInput>;
}

/**
 * A condition, or AND (all) / OR (any) groups of conditions nested `depth` levels, spelled out level by level: a
 * recursive (lazy) schema would turn into `definitions`, which the OpenAPI 3.0 document cannot carry.
 */
export function nestedLogicSchema(condition: z.ZodType, group: (items: z.ZodType) => z.ZodType, depth: number): z.ZodType {
  let item: z.ZodType = condition;
  for (let level = 0; level < depth; level++) item = z.union([condition, group(item)]);
  return item;
}
/**
 * A single condition (the show-if of older surveys) or a group (flow.ts evaluateLogic). One level more than allowed is
 * read, so too deep a group gets structuralIssues' message rather than a shape error.
 */
const LogicSchema = nestedLogicSchema(
  ConditionSchema,
  (items) => z.object({ all: z.array(items).max(50).optional(), any: z.array(items).max(50).optional() }),
  MAX_LOGIC_DEPTH + 1,
) as z.ZodType<ConditionInput | GroupInput>;
type LogicInput = z.infer<typeof LogicSchema>;

/** After the question: when `when` holds (absent: always), go forward to question `to` or end (`@end`) with `thanks`. */
const JumpSchema = z.object({
  when: LogicSchema.nullable().optional(),
  to: z.union([key, z.literal('@end')]),
  thanks: text(2000).optional(),
});

/** A quota's condition: the show-if operators over one answer, hidden field or the location (quotas.ts). */
const QuotaConditionSchema = z
  .object({
    question: key.optional(),
    hidden: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'use 1-60 characters A-Z, a-z, 0-9, _, . or -').optional(),
    location: z.literal(true).optional(),
    op: ShowIfSchema.shape.op,
    value: ShowIfSchema.shape.value,
  })
  .superRefine((c, ctx) => {
    if ([c.question, c.hidden, c.location].filter((x) => x !== undefined).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of question, hidden or location' });
    }
    if ((c.op === 'lte' || c.op === 'gte') && (c.question === undefined || typeof c.value !== 'number')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a number and a question` });
    } else if (c.op === 'in' && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'in needs a list of values' });
    else if (c.op === 'eq' && (c.value === undefined || Array.isArray(c.value))) ctx.addIssue({ code: 'custom', path: ['value'], message: 'eq needs one value' });
  });

/** An ISO 8601 instant with its offset, stored as UTC. */
const INSTANT = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' }).transform((v) => new Date(v).toISOString());

const LIMIT = z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000_000);

const QuotaSchema = z.object({
    key,
    limit: LIMIT,
    when: QuotaConditionSchema.nullable().optional(),
    perLocation: z.boolean().optional(),
    action: z.enum(QUOTA_ACTIONS),
    message: text(2000).optional(),
});

const OptionSchema = z.object({
  value: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'use 1-60 characters A-Z, a-z, 0-9, _, . or -'),
  label: text(200),
});

/** A number question's range; both ends included. */
const RangeSchema = z.object({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  decimals: z.boolean().optional(),
});

const MatrixRowSchema = z.object({ key, label: text(200) });

/** One question as sent by the builder; ids and version fields of stored questions are accepted and ignored. */
export const QuestionInputSchema = z.object({
  id: z.string().optional(),
  key,
  type: z.enum(QUESTION_TYPES),
  metric: z.enum(['nps', 'csat', 'ces', 'csi_satisfaction', 'csi_importance', 'none']).default('none'),
  required: z.boolean().default(false),
  text: text(1000),
  scale: ScaleSchema.optional(),
  boxMin: z.number().int().optional(),
  direction: z.enum(['higher_is_easier', 'lower_is_easier']).optional(),
  attribute: key.optional(),
  options: z.array(OptionSchema).max(50).optional(),
  /** number questions: accepted range and decimals */
  range: RangeSchema.optional(),
  /** matrix questions: the rows rated on `scale`, each stored as its own rating question `<key>__<row key>` */
  rows: z.array(MatrixRowSchema).max(30).optional(),
  followsQuestionKey: key.optional(),
  whyTexts: z.object({ detractor: text(1000).optional(), passive: text(1000).optional(), promoter: text(1000).optional() }).optional(),
  showIf: LogicSchema.nullable().optional(),
  /** Checked in order after the question; the first whose `when` holds is taken (flow.ts runFlow). */
  jumps: z.array(JumpSchema).max(20).optional(),
  /** What the question stands for in a staff survey (docs/staff.md); staff surveys only. */
  staffRole: z.enum(STAFF_ROLES).optional(),
  /** Options in a random order per respondent (single, multi, ranking; displayOrder.ts). */
  randomizeOptions: z.boolean().optional(),
  /** Set on stored questions that were removed from a live survey; such entries stay archived. */
  archivedInVersion: z.number().int().nullable().optional(),
});
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

/** SurveyDef without id, status and version (docs/api.md "Surveys"); slug optional (generated from the name). */
export const SurveyInputSchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN, 'use 3-60 characters a-z, 0-9 or -').optional(),
    name: z.string().trim().min(1, 'required').max(200),
    title: text(300).default({}),
    intro: text(2000).default({}),
    thanks: text(2000).default({}),
    languages: z.array(LANG).min(1).max(20).default(['en']),
    defaultLanguage: LANG.default('en'),
    template: z.string().max(60).nullable().optional(),
    /** Chosen at creation (absent: customers); it cannot change once the survey has answers. */
    audience: z.enum(SURVEY_AUDIENCES).optional(),
    questions: z.array(QuestionInputSchema).max(100).default([]),
    /** Answers accepted in all; absent or null: no limit (quotas.ts). */
    responseLimit: LIMIT.nullable().optional(),
    quotas: z.array(QuotaSchema).max(50).optional(),
    /** Unfinished responses count in metrics (docs/api.md "Partial responses"); absent in an update: kept; new surveys: false. */
    countPartial: z.boolean().optional(),
    /** The schedule (schedule.ts): ISO instants; absent or null: no bound. Absent in an update: kept as stored. */
    opensAt: INSTANT.nullable().optional(),
    closesAt: INSTANT.nullable().optional(),
    /** Another survey of the organisation the closed page links to (checked against the organisation on save). */
    closedRedirectSlug: z.string().regex(SLUG_PATTERN, 'use 3-60 characters a-z, 0-9 or -').nullable().optional(),
    /** Groups of consecutive question keys shown in a random order per respondent (displayOrder.ts). */
    randomGroups: z.array(z.array(key).min(2, 'give at least two questions').max(100)).max(20).optional(),
  })
  .superRefine((survey, ctx) => {
    for (const issue of structuralIssues(survey)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

export interface StructuralIssue {
  path: (string | number)[];
  message: string;
}

const SCORED = new Set(['nps', 'rating']);
/** Types whose answer is one of the question's own options. */
const WITH_OPTIONS = new Set(['single', 'multi', 'ranking']);

/** Checks one question's scale, metric and options on its own. */
export function questionIssues(q: QuestionInput, at: (string | number)[]): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const add = (field: string, message: string) => issues.push({ path: [...at, field], message });
  if (q.type === 'nps') {
    if (q.scale && (q.scale.min !== 0 || q.scale.max !== 10)) add('scale', 'an NPS question is always 0..10');
    if (q.metric !== 'nps' && q.metric !== 'none') add('metric', 'an NPS question feeds the nps metric');
  } else if (q.type === 'rating' || q.type === 'matrix') {
    if (!q.scale) add('scale', `required for a ${q.type} question`);
    else {
      const { min, max, style } = q.scale;
      if (min !== 0 && min !== 1) add('scale.min', 'must be 0 or 1');
      if (max < 3 || max > 10) add('scale.max', 'must be between 3 and 10');
      if (style !== 'numbers' && (min !== 1 || max > 5)) add('scale.style', `${style} work only on scales within 1..5`);
      if (q.boxMin !== undefined && (q.boxMin <= min || q.boxMin > max)) add('boxMin', `must lie in ${min + 1}..${max}`);
      if ((q.metric === 'csi_satisfaction' || q.metric === 'csi_importance') && (min !== 1 || max !== 10)) {
        add('scale', 'CSI ratings use a 1..10 scale');
      }
    }
    if (q.metric === 'nps') add('metric', 'the nps metric needs an NPS (0..10) question');
  } else {
    if (q.metric !== 'none') add('metric', `a ${q.type} question cannot feed a metric`);
    if (q.scale) add('scale', `a ${q.type} question has no scale`);
  }
  if ((q.metric === 'csi_satisfaction' || q.metric === 'csi_importance') && !q.attribute) add('attribute', 'required for CSI questions');
  if (q.direction && q.metric !== 'ces') add('direction', 'only CES questions have a direction');
  if (WITH_OPTIONS.has(q.type)) {
    if (!q.options || q.options.length < 2) add('options', 'give at least two options');
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o.value)) issues.push({ path: [...at, 'options', i, 'value'], message: `duplicate option value "${o.value}"` });
      seen.add(o.value);
    });
  } else if (q.options?.length) add('options', `a ${q.type} question has no options`);
  if (q.type === 'matrix') {
    if (!q.rows || q.rows.length === 0) add('rows', 'give at least one row');
    const seen = new Set<string>();
    q.rows?.forEach((r, i) => {
      if (seen.has(r.key)) issues.push({ path: [...at, 'rows', i, 'key'], message: `duplicate row key "${r.key}"` });
      else if (matrixRowKey(q.key, r.key).length > 40) {
        issues.push({ path: [...at, 'rows', i, 'key'], message: 'the question key and the row key together must stay within 38 characters' });
      }
      seen.add(r.key);
    });
  } else if (q.rows?.length) add('rows', `a ${q.type} question has no rows`);
  if (q.type === 'number') {
    const { min, max, decimals } = q.range ?? {};
    if (min !== undefined && max !== undefined && min > max) add('range', 'min must not be above max');
    if (!decimals && [min, max].some((x) => x !== undefined && !Number.isInteger(x))) add('range', 'whole-number ranges need whole-number ends');
  } else if (q.range) add('range', `a ${q.type} question has no range`);
  if (q.followsQuestionKey && q.type !== 'text') add('followsQuestionKey', 'only an open-text question can be a "why?" follow-up');
  if (q.randomizeOptions && !RANDOMIZABLE_TYPES.has(q.type)) add('randomizeOptions', `a ${q.type} question has no options to shuffle`);
  return issues;
}

/** Texts that must exist in the default language (the fallback for every other language). */
function requiredTexts(q: QuestionInput): Array<[string, Record<string, string> | undefined]> {
  const list: Array<[string, Record<string, string> | undefined]> = [['text', q.text]];
  q.options?.forEach((o, i) => list.push([`options.${i}.label`, o.label]));
  q.rows?.forEach((r, i) => list.push([`rows.${i}.label`, r.label]));
  for (const group of ['detractor', 'passive', 'promoter'] as const) {
    if (q.whyTexts?.[group]) list.push([`whyTexts.${group}`, q.whyTexts[group]]);
  }
  if (q.scale?.labels?.min) list.push(['scale.labels.min', q.scale.labels.min]);
  if (q.scale?.labels?.max) list.push(['scale.labels.max', q.scale.labels.max]);
  return list;
}

/**
 * A condition or group: exactly one subject per condition and one of all / any per group (not empty),
 * at most MAX_LOGIC_DEPTH levels of groups, questions only among `earlier` (lte / gte on scored ones).
 */
function logicIssues(logic: LogicInput, at: (string | number)[], earlier: ReadonlyMap<string, QuestionInput>, depth: number): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  if (isGroup(logic)) {
    const g = logic as GroupInput;
    if (depth > MAX_LOGIC_DEPTH) return [{ path: at, message: `groups nest at most ${MAX_LOGIC_DEPTH} levels deep` }];
    if (g.all && g.any) return [{ path: at, message: 'give exactly one of all (AND) or any (OR)' }];
    const [name, list] = g.all ? ['all', g.all] : ['any', g.any ?? []];
    if (!list.length) return [{ path: [...at, name], message: 'add at least one condition' }];
    list.forEach((x, i) => issues.push(...logicIssues(x, [...at, name, i], earlier, depth + 1)));
    return issues;
  }
  const c = logic as ConditionInput;
  if (!('op' in c)) return [{ path: at, message: 'give a condition (op) or a group (all or any)' }];
  if ([c.question, c.hidden, c.channel, c.language].filter((x) => x !== undefined).length !== 1) {
    return [{ path: at, message: 'give exactly one of question, hidden, channel or language' }];
  }
  const target = c.question === undefined ? undefined : earlier.get(c.question);
  if (c.question !== undefined && !target) issues.push({ path: [...at, 'question'], message: 'must be the key of an earlier question' });
  else if ((c.op === 'lte' || c.op === 'gte') && (!target || !SCORED.has(target.type) || typeof c.value !== 'number')) {
    issues.push({ path: [...at, 'value'], message: `${c.op} needs a number and a scored question` });
  } else if (c.op === 'in' && !Array.isArray(c.value)) {
    issues.push({ path: [...at, 'value'], message: 'in needs a list of values' });
  } else if (c.op === 'eq' && (c.value === undefined || Array.isArray(c.value))) {
    issues.push({ path: [...at, 'value'], message: 'eq needs one value' });
  }
  return issues;
}

/** `{{key}}` in these texts must name a question among `earlier` (hidden fields and contact attributes are free). */
function pipingIssues(texts: Array<[string, Record<string, string> | undefined]>, at: (string | number)[], earlier: ReadonlyMap<string, QuestionInput>): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  for (const [field, value] of texts) {
    for (const [lang, t] of Object.entries(value ?? {})) {
      for (const name of pipedQuestions(t)) {
        if (!earlier.has(name)) issues.push({ path: [...at, ...field.split('.'), lang], message: `{{${name}}} must name an earlier question` });
      }
    }
  }
  return issues;
}

/**
 * Rules that need the whole survey: languages, unique keys, references to earlier questions only,
 * default-language texts. Archived entries (archivedInVersion set) are kept out of references.
 */
export function structuralIssues(
  survey: Pick<SurveyInput, 'languages' | 'defaultLanguage' | 'title' | 'questions'> &
    Partial<Pick<SurveyInput, 'audience' | 'quotas' | 'slug' | 'opensAt' | 'closesAt' | 'closedRedirectSlug' | 'randomGroups' | 'thanks'>>,
): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const lang = survey.defaultLanguage;
  if (new Set(survey.languages).size !== survey.languages.length) issues.push({ path: ['languages'], message: 'languages repeat' });
  if (!survey.languages.includes(lang)) issues.push({ path: ['defaultLanguage'], message: 'must be one of languages' });
  if (!survey.title[lang]) issues.push({ path: ['title', lang], message: `required in the default language (${lang})` });
  const keys = new Set<string>();
  const earlier = new Map<string, QuestionInput>();
  survey.questions.forEach((q, i) => {
    const at = ['questions', i];
    // A matrix's rows are stored as questions `<key>__<row key>`: those keys are taken too.
    // (a repeated row key is reported on the row)
    const own = new Set([q.key, ...(q.type === 'matrix' && !q.archivedInVersion ? (q.rows ?? []).map((r) => matrixRowKey(q.key, r.key)) : [])]);
    for (const k of own) {
      if (keys.has(k)) issues.push({ path: [...at, 'key'], message: `duplicate key "${k}"` });
      keys.add(k);
    }
    // Archived entries are echoed back from GET and stay as stored; they only reserve their key.
    if (q.archivedInVersion) return;
    issues.push(...questionIssues(q, at));
    for (const [field, value] of requiredTexts(q)) {
      if (!value?.[lang]) issues.push({ path: [...at, ...field.split('.'), lang], message: `required in the default language (${lang})` });
    }
    if (q.showIf) issues.push(...logicIssues(q.showIf, [...at, 'showIf'], earlier, 1));
    const later = new Set(survey.questions.slice(i + 1).filter((x) => !x.archivedInVersion).map((x) => x.key));
    const upToHere = new Map([...earlier, [q.key, q]]);
    q.jumps?.forEach((jump, j) => {
      const jat = [...at, 'jumps', j];
      if (jump.when) issues.push(...logicIssues(jump.when, [...jat, 'when'], upToHere, 1));
      if (jump.to !== END && !later.has(jump.to)) {
        issues.push({ path: [...jat, 'to'], message: 'a jump may only go forward: give the key of a later question or @end' });
      }
      if (jump.thanks && jump.to !== END) issues.push({ path: [...jat, 'thanks'], message: 'only a jump to @end has a thank-you text' });
      else if (jump.thanks && Object.values(jump.thanks).some((t) => t) && !jump.thanks[lang]) {
        issues.push({ path: [...jat, 'thanks', lang], message: `required in the default language (${lang})` });
      }
      if (jump.thanks) issues.push(...pipingIssues([['thanks', jump.thanks]], jat, upToHere));
    });
    issues.push(...pipingIssues(requiredTexts(q), at, earlier));
    if (q.followsQuestionKey) {
      const target = earlier.get(q.followsQuestionKey);
      if (!target || !SCORED.has(target.type)) {
        issues.push({ path: [...at, 'followsQuestionKey'], message: 'must be the key of an earlier NPS or rating question' });
      }
    }
    // Conditions and "why?" follow-ups refer to a matrix row as to the rating question it is stored as.
    if (q.type === 'matrix') for (const r of q.rows ?? []) earlier.set(matrixRowKey(q.key, r.key), { ...q, type: 'rating' });
    else earlier.set(q.key, q);
  });
  if (survey.thanks) issues.push(...pipingIssues([['thanks', survey.thanks]], [], earlier));
  issues.push(...staffRoleIssues(survey.audience, survey.questions));
  const quotaKeys = new Set<string>();
  survey.quotas?.forEach((q, i) => {
    if (quotaKeys.has(q.key)) issues.push({ path: ['quotas', i, 'key'], message: `duplicate key "${q.key}"` });
    quotaKeys.add(q.key);
    const question = q.when?.question;
    if (question !== undefined && !survey.questions.some((x) => x.key === question && !x.archivedInVersion)) {
      issues.push({ path: ['quotas', i, 'when', 'question'], message: 'must be the key of a question' });
    }
    if (q.action === 'end' && !q.message?.[lang]) issues.push({ path: ['quotas', i, 'message', lang], message: `required in the default language (${lang})` });
  });
  issues.push(...scheduleIssues(survey));
  if (survey.closedRedirectSlug && survey.slug && survey.closedRedirectSlug === survey.slug) {
    issues.push({ path: ['closedRedirectSlug'], message: 'must be another survey, not this one' });
  }
  issues.push(...randomGroupIssues(survey.questions, survey.randomGroups ?? []));
  return issues;
}

/**
 * Random groups: each names active questions that stand next to each other, no question is in two groups,
 * and no question of a group depends on another of the same group (its show-if or "why?" source would
 * otherwise come after it).
 */
function randomGroupIssues(questions: QuestionInput[], groups: string[][]): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const active = questions.filter((q) => !q.archivedInVersion);
  const position = new Map(active.map((q, i) => [q.key, i]));
  const grouped = new Set<string>();
  groups.forEach((group, g) => {
    const at = ['randomGroups', g];
    const unknown = group.find((k) => !position.has(k));
    if (unknown !== undefined) return issues.push({ path: at, message: `"${unknown}" is not a question of the survey` });
    const again = group.find((k, i) => grouped.has(k) || group.indexOf(k) !== i);
    if (again !== undefined) return issues.push({ path: at, message: `"${again}" is in more than one group` });
    group.forEach((k) => grouped.add(k));
    const places = group.map((k) => position.get(k)!).sort((a, b) => a - b);
    if (places[places.length - 1] - places[0] !== places.length - 1) return issues.push({ path: at, message: 'the questions of a group must stand next to each other' });
    const inGroup = new Set(group);
    // A shuffled question must not depend on (or jump to) another of its group: the order would decide the logic.
    const names = (q: QuestionInput) => [
      ...logicQuestions(q.showIf), ...(q.followsQuestionKey ? [q.followsQuestionKey] : []),
      ...(q.jumps ?? []).flatMap((j) => [j.to, ...logicQuestions(j.when)]),
    ];
    const dependent = active.find((q) => inGroup.has(q.key) && names(q).some((k) => inGroup.has(k)));
    if (dependent) issues.push({ path: at, message: `"${dependent.key}" depends on another question of the same group` });
  });
  return issues;
}

/**
 * A stored survey as the builder would send it back (archived questions included, as GET echoes them), with
 * `changes` applied. Every field of SurveyInput is taken from the stored survey, so a field added to the input is
 * carried by translation uploads and copies without being listed here.
 */
export function storedAsInput(survey: SurveyDef, changes: Partial<Record<keyof SurveyInput, unknown>> = {}): SurveyInput {
  const stored = survey as unknown as Record<string, unknown>;
  const fields = Object.fromEntries(Object.keys(SurveyInputSchema.shape).map((k) => [k, stored[k] ?? undefined]));
  // A matrix is stored as its rows: the input has the grid again.
  return SurveyInputSchema.parse({ ...fields, questions: groupMatrices(survey.questions), ...changes });
}

/** Fills what the schema leaves open: the NPS scale and the metric boxes of METRICS.md. */
export function normalizeQuestion(q: QuestionInput): QuestionDef {
  const out: QuestionDef = {
    key: q.key,
    type: q.type,
    metric: q.type === 'nps' ? 'nps' : q.metric,
    required: q.required,
    text: q.text,
    showIf: q.showIf ?? null,
  };
  if (q.jumps?.length) out.jumps = q.jumps.map((j) => ({ ...(j.when ? { when: j.when } : {}), to: j.to, ...(j.thanks ? { thanks: j.thanks } : {}) }));
  if (q.type === 'nps') out.scale = { min: 0, max: 10, style: 'numbers', labels: q.scale?.labels ?? {} };
  else if (q.scale) out.scale = { min: q.scale.min, max: q.scale.max, style: q.scale.style, labels: q.scale.labels ?? {} };
  if (out.metric === 'csat') out.boxMin = q.boxMin ?? defaultCsatBox(out.scale!.min, out.scale!.max);
  else if (out.metric === 'ces') {
    out.direction = q.direction ?? 'higher_is_easier';
    if (q.boxMin !== undefined) out.boxMin = q.boxMin;
    // The legacy effort scale (lower is easier) has no "agree" box.
    else if (out.direction === 'higher_is_easier') out.boxMin = defaultCesBox(out.scale!.min, out.scale!.max);
  } else if (q.boxMin !== undefined) out.boxMin = q.boxMin;
  if (q.attribute) out.attribute = q.attribute;
  if (q.staffRole) out.staffRole = q.staffRole;
  if (q.options?.length) out.options = q.options;
  if (q.randomizeOptions) out.randomizeOptions = true;
  if (q.type === 'number') out.range = q.range ?? {};
  if (q.type === 'matrix') out.rows = q.rows ?? [];
  if (q.followsQuestionKey) {
    out.followsQuestionKey = q.followsQuestionKey;
    out.whyTexts = q.whyTexts ?? {};
  }
  return out;
}

/** METRICS.md csat.v1 by number of points: top box up to 3, top-2 on 4..7 points, top-3 above. */
export const defaultCsatBox = surveyCsatBox;

/** METRICS.md ces.v1: "agree" is 5-7 on the 1..7 scale, the same range the CES metric counts on any scale. */
export function defaultCesBox(min: number, max: number): number {
  return cesAgreeRange(min, max, 'higher_is_easier').from;
}

/** Builder warnings: "long_survey" above LONG_SURVEY_WARNING active questions, "missing_translation:<lang>". */
export function surveyWarnings(survey: { languages: string[]; title: LocalizedText; questions: QuestionDef[] }): string[] {
  const active = survey.questions.filter((q) => !q.archivedInVersion);
  const warnings: string[] = [];
  if (active.length > LONG_SURVEY_WARNING) warnings.push('long_survey');
  for (const lang of survey.languages) {
    const missing = !survey.title[lang] || active.some((q) => !q.text[lang] || q.options?.some((o) => !o.label[lang]));
    if (missing) warnings.push(`missing_translation:${lang}`);
  }
  return warnings;
}

/** A URL-safe slug from the survey name plus a random suffix, so two surveys named alike never clash. */
export function slugFromName(name: string, random: () => string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${base || 'survey'}-${random()}`;
}

export { planRevision } from './revision.ts';
