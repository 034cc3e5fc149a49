/**
 * The store economics pages (docs/store-economics.md) under one main-navigation entry: the funnel, loyalty,
 * referrals and the imports that feed them, each tab only for a role that may open its page.
 */
import { useLocation } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { SectionNavLink, SectionTabBar, under, useSectionTabs, type SectionTab } from './sectionNav.tsx';

// Funnel is current on /app/stores only; every other tab also on its sub-pages.
const TABS: readonly SectionTab[] = [
  { to: '/app/stores', label: 'st.nav.funnel', action: 'metrics.read' },
  { to: '/app/stores/loyalty', label: 'st.nav.loyalty', action: 'metrics.read' },
  { to: '/app/stores/referrals', label: 'st.nav.referrals', action: 'metrics.read' },
  { to: '/app/stores/imports', label: 'st.nav.imports', action: 'store.import' },
];

const tabCurrent = (tab: SectionTab, pathname: string) => (tab.to === '/app/stores' ? pathname === tab.to : under(pathname, tab.to));
const isStorePage = (pathname: string) => under(pathname, '/app/stores');

/** The main-navigation entry: "Stores". */
export function StoresNavItem() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const first = useSectionTabs(TABS)[0];
  if (!first) return null;
  return <SectionNavLink to={first.to} label={t('st.nav')} current={isStorePage(pathname)} />;
}

/** The tab bar above a store economics page. */
export function StoresTabs() {
  return <SectionTabBar tabs={useSectionTabs(TABS)} inSection={isStorePage} isCurrent={tabCurrent} label="st.nav.sections" />;
}
