/**
 * The survey model shared by the builder API, the respondent pages, the dashboard and the demo.
 * Texts are localized maps; a live survey's questions are only appended or archived (versioned).
 */
// Surveys are written in the interface languages (src/core/i18n/languages.ts, the one list).
export { LANGUAGES } from '../i18n/languages.ts';
import type { Quota } from './quotas.ts';

/** {"en": "...", "ru": "...", "fa": "..."}; missing languages fall back to the survey's default. */
export type LocalizedText = Partial<Record<string, string>>;

/** Score groups in scale order (filters, legends, "why?" wordings); NPS_GROUP_RANGES (stats/nps.ts) defines them for NPS. */
export const SCORE_GROUPS = ['detractor', 'passive', 'promoter'] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];
/** Every question type, in the builder's order (one list: schemas and menus derive from it). */
export const QUESTION_TYPES = ['nps', 'rating', 'single', 'multi', 'text', 'yesno', 'date', 'number', 'email', 'phone', 'ranking', 'matrix', 'consent'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** Types whose answers are counted per choice (answers.choice / choices): yes / no and consent store 'yes' or 'no'. */
export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multi', 'yesno', 'consent'];
export type QuestionMetric = 'nps' | 'csat' | 'ces' | 'csi_satisfaction' | 'csi_importance' | 'none';
export type ScaleStyle = 'numbers' | 'stars' | 'smileys';
export type SurveyStatus = 'draft' | 'live' | 'closed';
/** Who answers: customers, or employees (a staff survey: anonymous, results only for groups of 5+; docs/staff.md). */
export const SURVEY_AUDIENCES = ['customers', 'staff'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];
/**
 * What a staff survey's question stands for (src/core/staff/perception.ts): the staff's estimate of the customers'
 * recommendation (an nps question), of their satisfaction (a rating question with a box), of their top complaints
 * (a multi question whose option values are theme ids), or the respondent's team (a single question).
 */
export const STAFF_ROLES = ['expected_nps', 'expected_csat', 'expected_complaints', 'team'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Scale {
  min: number;
  max: number;
  style: ScaleStyle;
  labels?: { min?: LocalizedText; max?: LocalizedText };
}

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

/** Show the question only when an earlier answer satisfies the condition. */
export interface ShowIf {
  question: string; // key of an earlier question
  op: 'lte' | 'gte' | 'eq' | 'in' | 'answered';
  value?: number | string | Array<number | string>;
}

/**
 * One test in a logic group: the show-if operators over exactly one subject: an earlier answer (`question`),
 * a hidden field (`hidden`), the channel (`channel: true`) or the respondent's language (`language: true`).
 */
export interface Condition {
  question?: string;
  hidden?: string;
  channel?: true;
  language?: true;
  op: ShowIf['op'];
  value?: ShowIf['value'];
}

/** AND (`all`) or OR (`any`) over conditions and nested groups; exactly one of the two is given. */
export interface ConditionGroup {
  all?: Array<Condition | ConditionGroup>;
  any?: Array<Condition | ConditionGroup>;
}

/** What decides whether a question is shown or a jump is taken: a single show-if (older surveys), one condition or a group. */
export type Logic = ShowIf | Condition | ConditionGroup;

/** After a question is answered: when `when` holds (absent: always), go forward to question `to`, or end the survey with `thanks`. */
export interface Jump {
  when?: Logic | null;
  /** key of a later question, or '@end' */
  to: string;
  /** the thank-you text when the jump ends the survey (absent: the survey's own) */
  thanks?: LocalizedText;
}

/** A row of a matrix question: stored as its own rating question (key `<matrix key>__<row key>`), so rollups treat it like any rating. */
export interface MatrixRow {
  key: string;
  label: LocalizedText;
}

/** A number question's accepted range (both ends included) and whether decimals are accepted (absent: whole numbers only). */
export interface NumberRange {
  min?: number;
  max?: number;
  decimals?: boolean;
}

/** On a stored matrix row (a rating question): the matrix it belongs to, whose grid shows it. */
export interface MatrixRef {
  key: string;
  text: LocalizedText;
}

export interface QuestionDef {
  id?: string;
  key: string; // stable within the survey: [a-z0-9_]+
  type: QuestionType;
  metric: QuestionMetric;
  required: boolean;
  text: LocalizedText;
  /** nps: always 0..10; rating: 1-5, 1-7, 1-10 (stars and smileys on 1-5) */
  scale?: Scale;
  /** lowest value counted as satisfied (CSAT box) or agreeing (CES) */
  boxMin?: number;
  direction?: 'higher_is_easier' | 'lower_is_easier';
  /** CSI attribute key (speed, politeness, ...) for csi_satisfaction / csi_importance questions */
  attribute?: string;
  options?: ChoiceOption[];
  /** number questions */
  range?: NumberRange;
  /** a matrix question (as the builder and the API see it): its rows, each rated on `scale` */
  rows?: MatrixRow[];
  /** a stored matrix row: a rating question whose key is `<matrix key>__<row key>` and whose text is the row label (matrix.ts) */
  matrix?: MatrixRef;
  /** "why?" follow-up: a text question whose wording depends on the score group of this earlier question */
  followsQuestionKey?: string;
  whyTexts?: Partial<Record<ScoreGroup, LocalizedText>>;
  /** Ask the question only when this holds (a single show-if, or AND/OR groups: flow.ts). */
  showIf?: Logic | null;
  /** After the question: the first jump whose `when` holds goes forward or ends the survey (flow.ts runFlow). */
  jumps?: Jump[];
  /** staff surveys only */
  staffRole?: StaffRole;
  /** single, multi, ranking: options in a random order per respondent (displayOrder.ts) */
  randomizeOptions?: boolean;
  addedInVersion?: number;
  archivedInVersion?: number | null;
}

export interface SurveyDef {
  id: string;
  slug: string;
  name: string;
  title: LocalizedText;
  intro: LocalizedText;
  thanks: LocalizedText;
  languages: string[];
  defaultLanguage: string;
  status: SurveyStatus;
  template: string | null;
  /** absent: customers */
  audience?: SurveyAudience;
  version: number;
  /** Answers accepted in all; null: no limit (quotas.ts). */
  responseLimit?: number | null;
  quotas?: Quota[];
  /** Unfinished responses count in metrics: progress abandoned for a day becomes a response marked partial (absent: false). */
  countPartial?: boolean;
  /** Answers are taken from this instant (ISO); before it the page says when it opens (schedule.ts). */
  opensAt?: string | null;
  /** Answers are taken until this instant (ISO, exclusive); then the page is the closed page. */
  closesAt?: string | null;
  /** The closed page points to this other live survey of the organisation. */
  closedRedirectSlug?: string | null;
  /** Groups of consecutive question keys; each group's questions are shown in a random order per respondent. */
  randomGroups?: string[][];
  questions: QuestionDef[]; // in display order; archived ones included with archivedInVersion set
}

/** One respondent's answer to one question, as stored (typed columns). */
export interface AnswerValue {
  score?: number;
  choice?: string;
  choices?: string[];
  text?: string;
  /** number questions (answers.number) */
  number?: number;
}

/** Answers keyed by question key. */
export type AnswerMap = Record<string, AnswerValue>;

/** Above this many questions the builder warns: long surveys lose respondents. */
export const LONG_SURVEY_WARNING = 7;
