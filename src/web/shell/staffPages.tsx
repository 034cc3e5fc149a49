/**
 * The staff-voice pages (docs/staff.md) under /app/staff and the store economics pages (docs/store-economics.md)
 * under /app/stores: their route tables live in this chunk, loaded with the first such page a visitor opens.
 * Each page is a chunk of its own still (the routes.tsx files).
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

/** /app/staff/... */
export function StaffPages() {
  return (
    <Routes>
      {staffVoiceRoutes()}
      {perceptionRoutes()}
      {focusGroupsRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** /app/stores/... */
export function StorePages() {
  return (
    <Routes>
      {funnelRoutes()}
      {loyaltyRoutes()}
      {referralsRoutes()}
      {storeImportsRoutes()}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
