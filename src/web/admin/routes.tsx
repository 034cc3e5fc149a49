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
import { JobsPage } from './jobs/JobsPage.tsx';
import { AccountPage } from './auth/AccountPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/PasswordResetPages.tsx';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import './builder/builder.css';

/** Pages reachable without a session. */
export function publicAuthRoutes() {
  return (
    <>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route path="/forgot" element={<ForgotPasswordPage />} />
      <Route path="/reset/:token" element={<ResetPasswordPage />} />
    </>
  );
}

/** Pages under /app owned by the admin area (surveys, builder, locations, users, settings, background jobs). */
export function adminRoutes() {
  return (
    <>
      <Route path="surveys" element={<SurveyListPage />} />
      <Route path="surveys/new" element={<RequirePermission action="survey.create"><NewSurveyPage /></RequirePermission>} />
      <Route path="surveys/:id/edit" element={<RequirePermission action="survey.edit"><BuilderPage /></RequirePermission>} />
      <Route path="surveys/:id/distribute" element={<DistributePage />} />
      <Route path="locations" element={<LocationsPage />} />
      <Route path="users" element={<RequirePermission action="user.manage"><UsersPage /></RequirePermission>} />
      <Route path="settings" element={<RequirePermission action="org.manage"><SettingsPage /></RequirePermission>} />
      <Route path="jobs" element={<RequirePermission action="org.manage"><JobsPage /></RequirePermission>} />
      <Route path="account" element={<AccountPage />} />
    </>
  );
}
