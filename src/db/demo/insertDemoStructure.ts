/**
 * Inserts the demo organisation's skeleton: the org with its dimensions, the location tree, three
 * users (owner, location manager, analyst) and the demo surveys (four for customers, one for staff) with their questions.
 */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';
import {
  DEMO_ACCENT_COLOR, DEMO_ANALYST_EMAIL, DEMO_DIMENSIONS, DEMO_LOCATIONS, DEMO_MANAGER_EMAIL, DEMO_ORG_NAME, DEMO_OWNER_EMAIL, DEMO_TIMEZONE, MANAGER_STORE,
} from '../../core/demo/structure.ts';
import type { DemoSurvey } from '../../core/demo/surveys.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';

/** Ids of what was inserted, by demo key. */
export interface DemoIds {
  orgId: string;
  /** location key (store code, team code, region code, ROOT) -> id */
  locations: Map<string, string>;
  /** survey slug -> survey id and question key -> question id */
  surveys: Map<string, { id: string; questions: Map<string, string> }>;
}

async function insertLocations(tx: PoolClient, orgId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const loc of DEMO_LOCATIONS) {
    const id = crypto.randomUUID();
    const path = `${loc.parentKey ? paths.get(loc.parentKey) : '/'}${id}/`;
    await tx.query(
      `insert into locations(org_id, id, parent_id, kind, name, code, path) values ($1, $2, $3, $4, $5, $6, $7)`,
      [orgId, id, loc.parentKey ? ids.get(loc.parentKey) : null, loc.kind, loc.name, loc.code, path],
    );
    ids.set(loc.key, id);
    paths.set(loc.key, path);
  }
  return ids;
}

async function insertUsers(tx: PoolClient, orgId: string, passwordHash: string, locations: Map<string, string>): Promise<void> {
  const users: Array<[string, string, string, string]> = [
    [DEMO_OWNER_EMAIL, 'Demo Owner', 'owner', 'ru'],
    [DEMO_MANAGER_EMAIL, 'Мария Соколова (ТЦ «Авиапарк»)', 'location_manager', 'ru'],
    [DEMO_ANALYST_EMAIL, 'Demo Analyst', 'analyst', 'en'],
  ];
  for (const [email, name, role, locale] of users) {
    const { rows } = await tx.query(
      `insert into users(org_id, email, name, password_hash, role, locale) values ($1, $2, $3, $4, $5, $6) returning id`,
      [orgId, email, name, passwordHash, role, locale],
    );
    if (role === 'location_manager') {
      await tx.query(`insert into user_locations(org_id, user_id, location_id) values ($1, $2, $3)`, [orgId, rows[0].id, locations.get(MANAGER_STORE)]);
    }
  }
}

async function insertQuestion(tx: PoolClient, orgId: string, surveyId: string, q: QuestionDef, position: number): Promise<string> {
  const id = crypto.randomUUID();
  await tx.query(
    `insert into questions(org_id, survey_id, id, key, position, type, metric, required, text, scale_min, scale_max, scale_style,
                           scale_labels, box_min, direction, attribute, options, follows_question_key, why_texts, show_if, staff_role,
                           randomize_options, jumps)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
    [
      orgId, surveyId, id, q.key, position, q.type, q.metric, q.required, JSON.stringify(q.text),
      q.scale?.min ?? null, q.scale?.max ?? null, q.scale?.style ?? null, JSON.stringify(q.scale?.labels ?? {}),
      q.boxMin ?? null, q.direction ?? null, q.attribute ?? null, JSON.stringify(q.options ?? []),
      q.followsQuestionKey ?? null, JSON.stringify(q.whyTexts ?? {}), q.showIf ? JSON.stringify(q.showIf) : null, q.staffRole ?? null,
      q.randomizeOptions ?? false,
      q.jumps?.length ? JSON.stringify(q.jumps) : null,
    ],
  );
  return id;
}

/** Inserts one survey and its questions; returns their ids. */
export async function insertSurvey(tx: PoolClient, orgId: string, s: DemoSurvey, createdBy: string | null = null) {
  const id = crypto.randomUUID();
  await tx.query(
    `insert into surveys(org_id, id, slug, name, title, intro, thanks, languages, default_language, status, template, version, created_by, audience)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13)`,
    [orgId, id, s.slug, s.name, JSON.stringify(s.title), JSON.stringify(s.intro), JSON.stringify(s.thanks), s.languages,
      s.defaultLanguage, s.status, s.template, createdBy, s.audience ?? 'customers'],
  );
  const questions = new Map<string, string>();
  let position = 0;
  for (const q of s.questions) questions.set(q.key, await insertQuestion(tx, orgId, id, q, ++position));
  return { id, questions };
}

/** Creates the demo organisation's skeleton inside `tx`. */
export async function insertDemoStructure(tx: PoolClient, passwordHash: string, surveys: readonly DemoSurvey[]): Promise<DemoIds> {
  const { rows } = await tx.query(`insert into orgs(name, timezone, dimensions, accent_color) values ($1, $2, $3, $4) returning id`, [
    DEMO_ORG_NAME, DEMO_TIMEZONE, [...DEMO_DIMENSIONS], DEMO_ACCENT_COLOR,
  ]);
  const orgId = rows[0].id as string;
  const locations = await insertLocations(tx, orgId);
  await insertUsers(tx, orgId, passwordHash, locations);
  const ids: DemoIds = { orgId, locations, surveys: new Map() };
  for (const s of surveys) ids.surveys.set(s.slug, await insertSurvey(tx, orgId, s));
  return ids;
}
