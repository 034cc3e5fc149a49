import { Route } from 'react-router';
import { LoginPage, SetupPage } from './auth/AuthPages.tsx';
import { InvitePage } from './auth/InvitePage.tsx';
import { SurveyListPage } from './surveys/SurveyListPage.tsx';
import { NewSurveyPage } from './surveys/NewSurveyPage.tsx';
import { BuilderPage } from './builder/BuilderPage.tsx';
import { DistributePage } from './distribute/DistributePage.tsx';
import { LocationsPage } from './locations/LocationsPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import './builder/builder.css';

/** Pages reachable without a session. */
export function publicAuthRoutes() {
  return (
    <>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
    </>
  );
}

/** Pages under /app owned by the admin area (surveys, builder, locations, users, settings). */
export function adminRoutes() {
  return (
    <>
      <Route path="surveys" element={<SurveyListPage />} />
      <Route path="surveys/new" element={<NewSurveyPage />} />
      <Route path="surveys/:id/edit" element={<BuilderPage />} />
      <Route path="surveys/:id/distribute" element={<DistributePage />} />
      <Route path="locations" element={<LocationsPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="settings" element={<SettingsPage />} />
    </>
  );
}
