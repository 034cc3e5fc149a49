/** The website widget's settings of a survey (migration 083) and the contact gap in force (migration 080). */
import type { Queryable } from '../connection.ts';
import type { WidgetSettings } from '../../core/api/widget.ts';

export interface StoredWidgetSettings extends WidgetSettings {
  /** surveys.contact_gap_days, else orgs.contact_gap_days. */
  gapDays: number;
}

const COLUMNS = `s.widget_origins, s.widget_delay_seconds, s.widget_exit_intent, s.widget_url_pattern,
                 coalesce(s.contact_gap_days, o.contact_gap_days)::int as gap_days`;

function toSettings(r: Record<string, any> | undefined): StoredWidgetSettings | null {
  if (!r) return null;
  return {
    origins: r.widget_origins as string[],
    delaySeconds: r.widget_delay_seconds as number | null,
    exitIntent: r.widget_exit_intent as boolean,
    urlPattern: r.widget_url_pattern as string | null,
    gapDays: r.gap_days as number,
  };
}

/** The survey's widget settings within the organisation, or null when there is no such survey. */
export async function getWidgetSettings(db: Queryable, orgId: string, surveyId: string): Promise<StoredWidgetSettings | null> {
  const { rows } = await db.query(
    `/* getWidgetSettings */ select ${COLUMNS} from surveys s join orgs o on o.id = s.org_id where s.org_id = $1 and s.id = $2`,
    [orgId, surveyId],
  );
  return toSettings(rows[0]);
}

/** The widget settings of the survey with this public slug (the public config and submit endpoints), or null. */
export async function getWidgetSettingsBySlug(db: Queryable, slug: string): Promise<StoredWidgetSettings | null> {
  const { rows } = await db.query(`/* getWidgetSettingsBySlug */ select ${COLUMNS} from surveys s join orgs o on o.id = s.org_id where s.slug = $1`, [slug]);
  return toSettings(rows[0]);
}

/** Stores the settings; false when the survey is not in the organisation. */
export async function saveWidgetSettings(db: Queryable, orgId: string, surveyId: string, s: WidgetSettings): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* saveWidgetSettings */ update surveys set widget_origins = $3, widget_delay_seconds = $4, widget_exit_intent = $5, widget_url_pattern = $6
      where org_id = $1 and id = $2`,
    [orgId, surveyId, s.origins, s.delaySeconds, s.exitIntent, s.urlPattern],
  );
  return (rowCount ?? 0) > 0;
}
