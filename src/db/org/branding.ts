/** An organisation's branding (migration 060): accent colour and logo. */
import type { Queryable } from '../connection.ts';
import type { LogoType } from '../../core/branding/branding.ts';

export interface Branding {
  accentColor: string | null;
  /** Changes with every upload (cache-busting part of the logo's URL); null without a logo. */
  logoVersion: string | null;
}

/** Version string of a logo: its upload time in milliseconds. */
export const LOGO_VERSION_SQL = (column: string) => `(floor(extract(epoch from ${column}) * 1000))::bigint::text`;

export async function getBranding(db: Queryable, orgId: string): Promise<Branding> {
  const { rows } = await db.query(
    `/* getBranding */ select accent_color, case when logo is null then null else ${LOGO_VERSION_SQL('logo_updated_at')} end as logo_version
       from orgs where id = $1`,
    [orgId],
  );
  return { accentColor: rows[0]?.accent_color ?? null, logoVersion: rows[0]?.logo_version ?? null };
}

/** The branding respondent pages show (loadSurveyBySlug's): the organisation's name with its accent and logo version. */
export async function getPageBranding(db: Queryable, orgId: string): Promise<Branding & { orgName: string }> {
  const { rows } = await db.query(
    `/* getPageBranding */ select name, accent_color, case when logo is null then null else ${LOGO_VERSION_SQL('logo_updated_at')} end as logo_version
       from orgs where id = $1`,
    [orgId],
  );
  return { orgName: rows[0]?.name ?? '', accentColor: rows[0]?.accent_color ?? null, logoVersion: rows[0]?.logo_version ?? null };
}

export async function setAccentColor(db: Queryable, orgId: string, accentColor: string | null): Promise<void> {
  await db.query(`/* setAccentColor */ update orgs set accent_color = $2 where id = $1`, [orgId, accentColor]);
}

/** Stores (or with null, removes) the logo. */
export async function setLogo(db: Queryable, orgId: string, logo: { bytes: Buffer; type: LogoType } | null): Promise<void> {
  await db.query(
    `/* setLogo */ update orgs set logo = $2, logo_type = $3, logo_updated_at = case when $2::bytea is null then null else clock_timestamp() end where id = $1`,
    [orgId, logo?.bytes ?? null, logo?.type ?? null],
  );
}

export interface StoredLogo {
  bytes: Buffer;
  type: LogoType;
  version: string;
}

/** The organisation's logo, or null. */
export async function getOrgLogo(db: Queryable, orgId: string): Promise<StoredLogo | null> {
  const { rows } = await db.query(
    `/* getOrgLogo */ select logo, logo_type, ${LOGO_VERSION_SQL('logo_updated_at')} as version from orgs where id = $1 and logo is not null`,
    [orgId],
  );
  return rows[0] ? { bytes: rows[0].logo, type: rows[0].logo_type, version: rows[0].version } : null;
}

/**
 * The logo of the organisation that owns the survey at `slug` (public survey pages and the author's
 * preview), or null. That a slug exists is no secret: creating a survey with it answers 409.
 */
export async function getLogoBySlug(db: Queryable, slug: string): Promise<StoredLogo | null> {
  const { rows } = await db.query(
    `/* getLogoBySlug */ select o.logo, o.logo_type, ${LOGO_VERSION_SQL('o.logo_updated_at')} as version
       from surveys s join orgs o on o.id = s.org_id where s.slug = $1 and o.logo is not null`,
    [slug],
  );
  return rows[0] ? { bytes: rows[0].logo, type: rows[0].logo_type, version: rows[0].version } : null;
}
