/**
 * The audit pages under one main-navigation entry (docs/audits.md): the entry itself (current on every
 * audit page) and the tab bar above those pages, each tab only for a role that may open its page. An
 * auditor has one page, their own assignments.
 */
import { useLocation } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { SectionNavLink, SectionTabBar, under, useSectionTabs, type SectionTab } from './sectionNav.tsx';

// Results is current on /app/audits only; every other tab also on its sub-pages (/app/audits/visits/<id>).
const TABS: readonly SectionTab[] = [
  { to: '/app/audits', label: 'au.nav.results', action: 'audit.read' },
  { to: '/app/audits/visits', label: 'au.nav.visits', action: 'audit.read' },
  { to: '/app/audits/waves', label: 'au.nav.waves', action: 'audit.manage' },
  { to: '/app/audits/checklists', label: 'au.nav.checklists', action: 'audit.manage' },
  { to: '/app/audits/qa', label: 'au.nav.qa', action: 'audit.review' },
  { to: '/app/audits/staff', label: 'au.nav.staff', action: 'audit.review' },
  { to: '/app/audits/quizzes', label: 'au.nav.quizzes', action: 'audit.manage' },
  { to: '/app/my-audits', label: 'au.nav.mine', action: 'audit.submit' },
];

function tabCurrent(tab: SectionTab, pathname: string): boolean {
  return tab.to === '/app/audits' ? pathname === tab.to : under(pathname, tab.to);
}

/** Audit pages: /app/audits and below, and the auditor's own page. */
function isAuditPage(pathname: string): boolean {
  return under(pathname, '/app/audits') || under(pathname, '/app/my-audits');
}

/** The main-navigation entry: "Audits" (results), or "My audits" for a role that only submits visits. */
export function AuditsNavItem() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const first = useSectionTabs(TABS)[0];
  if (!first) return null;
  return <SectionNavLink to={first.to} label={first.to === '/app/my-audits' ? t('au.nav.mine') : t('au.nav')} current={isAuditPage(pathname)} />;
}

/** The tab bar above an audit page (none when the role sees one audit page only). */
export function AuditsTabs() {
  return <SectionTabBar tabs={useSectionTabs(TABS)} inSection={isAuditPage} isCurrent={tabCurrent} label="au.nav.sections" />;
}
