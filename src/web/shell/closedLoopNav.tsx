/**
 * The closed-loop pages under one main-navigation entry: the entry itself (current on every closed-loop
 * page) and the tab bar shown above those pages, each tab only for a role that may open its page.
 */
import { useLocation } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { SectionNavLink, SectionTabBar, under, useSectionTabs, type SectionTab } from './sectionNav.tsx';

// Inbox is current on a case page too (/app/cases/<id>), not on the report and letters beside it.
const TABS: readonly SectionTab[] = [
  { to: '/app/cases', label: 'cs.nav.inbox', action: 'case.read' },
  { to: '/app/cases/report', label: 'clr.nav.report', action: 'case.read' },
  { to: '/app/cases/letters', label: 'fl.nav', action: 'case.read' },
  { to: '/app/action-plans', label: 'clr.nav.plans', action: 'metrics.read' },
  { to: '/app/alerts', label: 'nav.alerts', action: 'alert.manage' },
];

const SUBPAGES = ['/app/cases/report', '/app/cases/letters'];

function tabCurrent(tab: SectionTab, pathname: string): boolean {
  if (tab.to === '/app/cases') return under(pathname, tab.to) && !SUBPAGES.some((p) => under(pathname, p));
  return under(pathname, tab.to);
}

function isClosedLoopPage(pathname: string): boolean {
  return TABS.some((tab) => under(pathname, tab.to));
}

/**
 * The main-navigation entry: "Cases" (the inbox) for a role that reads cases; a role that only reads the
 * action plans (a viewer) gets those under their own name rather than a "Cases" link that opens no case.
 */
export function ClosedLoopNavItem() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const first = useSectionTabs(TABS)[0];
  if (!first) return null;
  return <SectionNavLink to={first.to} label={first.to === '/app/cases' ? t('cs.nav') : t(first.label)} current={isClosedLoopPage(pathname)} />;
}

/** The tab bar above a closed-loop page (none when the role sees one closed-loop page only). */
export function ClosedLoopTabs() {
  return <SectionTabBar tabs={useSectionTabs(TABS)} inSection={isClosedLoopPage} isCurrent={tabCurrent} label="cs.nav.sections" />;
}
