/**
 * The staff-voice pages (docs/staff.md) under one main-navigation entry: the entry itself (current on every
 * staff-voice page) and the tab bar above those pages, each tab only for a role that may open its page.
 */
import { useLocation } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { SectionNavLink, SectionTabBar, under, useSectionTabs, type SectionTab } from './sectionNav.tsx';

// Results is current on /app/staff only; every other tab also on its sub-pages.
const TABS: readonly SectionTab[] = [
  { to: '/app/staff', label: 'sv.nav.results', action: 'metrics.read' },
  { to: '/app/staff/perception', label: 'sv.nav.perception', action: 'metrics.read' },
  { to: '/app/staff/focus-groups', label: 'sv.nav.focus', action: 'metrics.read' },
];

const tabCurrent = (tab: SectionTab, pathname: string) => (tab.to === '/app/staff' ? pathname === tab.to : under(pathname, tab.to));
const isStaffPage = (pathname: string) => under(pathname, '/app/staff');

/** The main-navigation entry: "Staff voice". */
export function StaffNavItem() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const first = useSectionTabs(TABS)[0];
  if (!first) return null;
  return <SectionNavLink to={first.to} label={t('sv.nav')} current={isStaffPage(pathname)} />;
}

/** The tab bar above a staff-voice page. */
export function StaffTabs() {
  return <SectionTabBar tabs={useSectionTabs(TABS)} inSection={isStaffPage} isCurrent={tabCurrent} label="sv.nav.sections" />;
}
