import { Route } from 'react-router';
import { RequirePermission } from '../shell/RequirePermission.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';
import './builder/builder.css';

// Each page is its own chunk, loaded on first visit (src/web/shell/lazyPage.tsx).
const SetupPage = lazyPage(() => import('./auth/AuthPages.tsx'), 'SetupPage');
const LoginPage = lazyPage(() => import('./auth/AuthPages.tsx'), 'LoginPage');
const InvitePage = lazyPage(() => import('./auth/InvitePage.tsx'), 'InvitePage');
const ForgotPasswordPage = lazyPage(() => import('./auth/PasswordResetPages.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./auth/PasswordResetPages.tsx'), 'ResetPasswordPage');
const AccountPage = lazyPage(() => import('./auth/AccountPage.tsx'), 'AccountPage');
const SurveyListPage = lazyPage(() => import('./surveys/SurveyListPage.tsx'), 'SurveyListPage');
const NewSurveyPage = lazyPage(() => import('./surveys/NewSurveyPage.tsx'), 'NewSurveyPage');
const BuilderPage = lazyPage(() => import('./builder/BuilderPage.tsx'), 'BuilderPage');
const DistributePage = lazyPage(() => import('./distribute/DistributePage.tsx'), 'DistributePage', { pageMessages: true });
// Page messages: the location panel shows business hours with the case settings' messages.
const LocationsPage = lazyPage(() => import('./locations/LocationsPage.tsx'), 'LocationsPage', { pageMessages: true });
const UsersPage = lazyPage(() => import('./users/UsersPage.tsx'), 'UsersPage');
const SettingsPage = lazyPage(() => import('./settings/SettingsPage.tsx'), 'SettingsPage', { pageMessages: true });
const JobsPage = lazyPage(() => import('./jobs/JobsPage.tsx'), 'JobsPage', { pageMessages: true });
const IntegrationsPage = lazyPage(() => import('./integrations/IntegrationsPage.tsx'), 'IntegrationsPage', { pageMessages: true });
const ContactsPage = lazyPage(() => import('./contacts/ContactsPage.tsx'), 'ContactsPage', { pageMessages: true });
const ContactPage = lazyPage(() => import('./contacts/ContactPage.tsx'), 'ContactPage', { pageMessages: true });
const WavesPage = lazyPage(() => import('./invites/WavesPage.tsx'), 'WavesPage', { pageMessages: true });
const NewWavePage = lazyPage(() => import('./invites/NewWavePage.tsx'), 'NewWavePage', { pageMessages: true });
const WaveDetailPage = lazyPage(() => import('./invites/WaveDetailPage.tsx'), 'WaveDetailPage', { pageMessages: true });
const OutboxPage = lazyPage(() => import('./invites/OutboxPage.tsx'), 'OutboxPage', { pageMessages: true });
const ChannelsPage = lazyPage(() => import('./channels/ChannelsPage.tsx'), 'ChannelsPage', { pageMessages: true });

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
      <Route path="integrations" element={<RequirePermission action="org.manage"><IntegrationsPage /></RequirePermission>} />
      <Route path="channels" element={<RequirePermission action="org.manage"><ChannelsPage /></RequirePermission>} />
      <Route path="account" element={<AccountPage />} />
      <Route path="contacts" element={<RequirePermission action="contact.read"><ContactsPage /></RequirePermission>} />
      <Route path="contacts/:id" element={<RequirePermission action="contact.read"><ContactPage /></RequirePermission>} />
      <Route path="waves" element={<WavesPage />} />
      <Route path="waves/new" element={<RequirePermission action="survey.edit"><NewWavePage /></RequirePermission>} />
      <Route path="waves/:id" element={<RequirePermission action="response.read"><WaveDetailPage /></RequirePermission>} />
      <Route path="outbox" element={<RequirePermission action="user.invite"><OutboxPage /></RequirePermission>} />
    </>
  );
}
