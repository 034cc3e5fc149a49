/**
 * What a shared link shows (docs/sharing.md): its report built for the 'shared' audience (aggregates only, groups
 * under 5 answers hidden, comments only when included, contact details removed) with the principal of its creator
 * as they were when sharing (their role and locations), rendered as a self-contained HTML document. Used by the
 * public pages /p/:token and /p/:token/embed (src/respond/shared).
 */
import type pg from 'pg';
import { isRole, type Principal } from '../../../core/access/index.ts';
import { ReportDefinitionSchema } from '../../../core/api/reports.ts';
import { sharedDefinition, type SharedLinkLanguage } from '../../../core/sharing/links.ts';
import { DomainError } from '../../../core/errors.ts';
import { getReport } from '../../../db/reports/reports.ts';
import type { SharedLinkRow } from '../../../db/sharing/sharedLinks.ts';
import { buildReport } from '../../reports/build.ts';
import { renderReportHtml } from '../../reports/render.ts';
import { verifyPassword } from '../../auth/passwords.ts';

/** The creator's reach when sharing: never more than they could see then. */
export function linkPrincipal(link: SharedLinkRow): Principal {
  if (!isRole(link.creatorRole)) throw new DomainError('internal', 'A shared link with an unknown role');
  return { orgId: link.orgId, userId: link.createdBy, role: link.creatorRole, locationPaths: link.locationPaths };
}

/**
 * The link's report as an HTML document in `lang`. A link to a saved report shows the report as it is defined now
 * (its period rule read on today); still built with the sharer's frozen reach and the sharer's comment choice.
 */
export async function renderSharedReport(pool: pg.Pool, link: SharedLinkRow, lang: SharedLinkLanguage): Promise<string> {
  const report = link.reportId ? await getReport(pool, { orgId: link.orgId, locationPaths: null }, link.reportId) : null;
  const definition = sharedDefinition(report ? report.definition : ReportDefinitionSchema.parse(link.definition), link.includeComments);
  const model = await buildReport(pool, linkPrincipal(link), definition, { audience: 'shared', title: link.title });
  return renderReportHtml(model, lang, { charts: 'inline-svg' });
}

/** Whether `password` opens the link (argon2id, as users' passwords); a link without a password opens to anything. */
export async function sharedLinkPasswordMatches(link: Pick<SharedLinkRow, 'passwordHash'>, password: string): Promise<boolean> {
  if (!link.passwordHash) return true;
  return password !== '' && verifyPassword(link.passwordHash, password);
}
