/** @module The organisation's theme dictionary (table org_themes, migration 092), seeded from the starter themes on first use. */
import type { AnalysisLanguage } from '../../core/nlp/languages.ts';
import type { Queryable } from '../connection.ts';
import type { ThemeDefinition } from '../../core/nlp/themes.ts';

/** Inserts `starter` once per organisation (the first call wins; later calls, even after every theme was deleted, do nothing). */
export async function seedOrgThemes(db: Queryable, orgId: string, starter: readonly ThemeDefinition[]): Promise<void> {
  await db.query(
    `/* seedOrgThemes */
     with seeded as (update orgs set text_themes_seeded_at = now() where id = $1 and text_themes_seeded_at is null returning id)
     insert into org_themes (org_id, id, names, terms, position)
     select s.id, x.id, x.names, x.terms, x.position
       from seeded s cross join jsonb_to_recordset($2::jsonb) as x(id text, names jsonb, terms jsonb, position int)
     on conflict do nothing`,
    [orgId, JSON.stringify(starter.map((t, i) => ({ id: t.id, names: t.names, terms: t.terms, position: i })))],
  );
}

/** The dictionary in its order. */
export async function listOrgThemes(db: Queryable, orgId: string): Promise<ThemeDefinition[]> {
  const { rows } = await db.query(
    `/* listOrgThemes */
     select id, names, terms from org_themes where org_id = $1 order by position, id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, names: r.names, terms: r.terms }));
}

/** Creates or replaces one theme (a new one goes last); marks the dictionary changed. Returns true when it was created. */
export async function upsertOrgTheme(db: Queryable, orgId: string, t: ThemeDefinition): Promise<boolean> {
  const { rows } = await db.query(
    `/* upsertOrgTheme */
     with changed as (update orgs set text_themes_changed_at = now(), text_themes_seeded_at = coalesce(text_themes_seeded_at, now()) where id = $1)
     insert into org_themes (org_id, id, names, terms, position)
     values ($1, $2, $3, $4, (select coalesce(max(position) + 1, 0) from org_themes where org_id = $1))
     on conflict (org_id, id) do update set names = excluded.names, terms = excluded.terms, updated_at = now()
     returning (xmax = 0) as created`,
    [orgId, t.id, JSON.stringify(t.names ?? {}), JSON.stringify(t.terms)],
  );
  return rows[0].created;
}

/** Deletes one theme (and marks the dictionary changed). Returns false when there was none. */
export async function deleteOrgTheme(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* deleteOrgTheme */
     with changed as (update orgs set text_themes_changed_at = now() where id = $1)
     delete from org_themes where org_id = $1 and id = $2`,
    [orgId, id],
  );
  return (rowCount ?? 0) > 0;
}

/** Creates a theme unless its id is taken (then nothing changes); marks the dictionary changed. Returns true when created. */
export async function insertOrgTheme(db: Queryable, orgId: string, t: ThemeDefinition): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* insertOrgTheme */
     with created as (
       insert into org_themes (org_id, id, names, terms, position)
       values ($1, $2, $3, $4, (select coalesce(max(position) + 1, 0) from org_themes where org_id = $1))
       on conflict (org_id, id) do nothing
       returning id)
     update orgs set text_themes_changed_at = now(), text_themes_seeded_at = coalesce(text_themes_seeded_at, now())
      where id = $1 and exists (select 1 from created)`,
    [orgId, t.id, JSON.stringify(t.names ?? {}), JSON.stringify(t.terms)],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Adds `terms` to the `lang` terms of theme `id` (those it has already, compared case-insensitively,
 * are not repeated) in one statement; marks the dictionary changed. Returns the theme, or null when none.
 */
export async function addOrgThemeTerms(db: Queryable, orgId: string, id: string, lang: AnalysisLanguage, terms: readonly string[]): Promise<ThemeDefinition | null> {
  const { rows } = await db.query(
    `/* addOrgThemeTerms */
     with merged as (
       update org_themes t
          set terms = jsonb_set(t.terms, array[$3::text], coalesce(t.terms -> $3::text, '[]'::jsonb) || coalesce((
                select jsonb_agg(x.term order by x.n)
                  from (select distinct on (lower(term)) term, n from unnest($4::text[]) with ordinality as u(term, n) order by lower(term), n) x
                 where not exists (select 1 from jsonb_array_elements_text(coalesce(t.terms -> $3::text, '[]'::jsonb)) old where lower(old) = lower(x.term))), '[]'::jsonb)),
              updated_at = now()
        where t.org_id = $1 and t.id = $2
        returning t.id, t.names, t.terms),
     changed as (update orgs set text_themes_changed_at = now() where id = $1 and exists (select 1 from merged))
     select id, names, terms from merged`,
    [orgId, id, lang, terms],
  );
  const r = rows[0];
  return r ? { id: r.id, names: r.names, terms: r.terms } : null;
}
