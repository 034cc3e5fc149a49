/**
 * The staff-voice pages (docs/staff.md) under /app/staff and the store economics pages (docs/store-economics.md)
 * under /app/stores: their route tables and tab bars live in this chunk, loaded with the first such page a visitor
 * opens (the main navigation's two links are in the first view). Each page is a chunk of its own still.
 */
import { Route, Routes } from 'react-router';
import { staffVoiceRoutes } from '../staffVoice/routes.tsx';
import { perceptionRoutes } from '../staffVoice/perceptionRoutes.tsx';
import { focusGroupsRoutes } from '../focusGroups/routes.tsx';
import { funnelRoutes } from '../funnel/routes.tsx';
import { storeImportsRoutes } from '../storeImports/routes.tsx';
import { loyaltyRoutes } from '../loyalty/routes.tsx';
import { referralsRoutes } from '../referrals/routes.tsx';
import { NotFound } from './NotFound.tsx';
import { SectionTabBar, under, useSectionTabs, type SectionTab } from './sectionNav.tsx';

const STAFF_TABS: readonly SectionTab[] = [
  { to: '/app/staff', label: 'sv.nav.results', action: 'metrics.read' },
  { to: '/app/staff/perception', label: 'sv.nav.perception', action: 'metrics.read' },
  { to: '/app/staff/focus-groups', label: 'sv.nav.focus', action: 'metrics.read' },
];

const STORE_TABS: readonly SectionTab[] = [
  { to: '/app/stores', label: 'st.nav.funnel', action: 'metrics.read' },
  { to: '/app/stores/loyalty', label: 'st.nav.loyalty', action: 'metrics.read' },
  { to: '/app/stores/referrals', label: 'st.nav.referrals', action: 'metrics.read' },
  { to: '/app/stores/imports', label: 'st.nav.imports', action: 'store.import' },
];

// The first tab is current on its own address only; every other tab also on its sub-pages.
const currentIn = (first: string) => (tab: SectionTab, pathname: string) => (tab.to === first ? pathname === first : under(pathname, tab.to));
const always = () => true;

/** /app/staff/... */
export function StaffPages() {
  return (
    <>
      <SectionTabBar tabs={useSectionTabs(STAFF_TABS)} inSection={always} isCurrent={currentIn('/app/staff')} label="sv.nav.sections" />
      <Routes>
        {staffVoiceRoutes()}
        {perceptionRoutes()}
        {focusGroupsRoutes()}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}

/** /app/stores/... */
export function StorePages() {
  return (
    <>
      <SectionTabBar tabs={useSectionTabs(STORE_TABS)} inSection={always} isCurrent={currentIn('/app/stores')} label="st.nav.sections" />
      <Routes>
        {funnelRoutes()}
        {loyaltyRoutes()}
        {referralsRoutes()}
        {storeImportsRoutes()}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
