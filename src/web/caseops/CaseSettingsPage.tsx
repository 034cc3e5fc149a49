/**
 * /app/case-settings (docs/closed-loop.md "Routing and business hours"): business hours of the
 * organisation and its locations, case teams, the ordered routing rules and compensation limits. For
 * owners and admins with the whole organisation (case.configure); each section saves on its own, and a
 * failed save keeps what was typed.
 */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { ErrorMessage, Loading, PageTitle, useLoad } from '../components/index.ts';
import { WholeOrgAdminOnly } from '../admin/WholeOrgAdminOnly.tsx';
import type { BusinessHoursAnswer, CaseTeamsAnswer } from '../../core/api/caseOps.ts';
import type { UsersAnswer } from '../../core/api/users.ts';
import { BusinessHoursSection } from './BusinessHoursSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';
import { RoutingSection } from './RoutingSection.tsx';
import { LimitsSection } from './LimitsSection.tsx';
import './caseops.css';

export function CaseSettingsPage() {
  const { t } = useI18n();
  return (
    <WholeOrgAdminOnly title={t('co.title')} refusal={t('co.noAccess')}>
      <CaseSettings />
    </WholeOrgAdminOnly>
  );
}

function CaseSettings() {
  const { t } = useI18n();
  const hours = useLoad<BusinessHoursAnswer>('/org/business-hours');
  const teams = useLoad<CaseTeamsAnswer>('/org/case-teams');
  const users = useLoad<UsersAnswer>('/users');
  // Deleting a team deletes its rules on the server: the rules are read again.
  const [teamDeletions, setTeamDeletions] = useState(0);
  const error = hours.error ?? teams.error ?? users.error;
  const ready = hours.data && teams.data && users.data;
  const activeUsers = users.data?.users.filter((u) => !u.disabled) ?? [];
  return (
    <section className="case-settings">
      <PageTitle title={t('co.title')} />
      <p className="muted">{t('co.intro')}</p>
      <ErrorMessage message={error ? t('co.error', { message: error.message }) : null} />
      {!ready && !error && <Loading lines={8} />}
      {ready && (
        <>
          <RoutingSection key={teamDeletions} locations={hours.data!.locations} users={activeUsers} teams={teams.data!.teams} />
          <TeamsSection teams={teams} users={activeUsers} onDeleted={() => setTeamDeletions((n) => n + 1)} />
          <BusinessHoursSection hours={hours} />
          <LimitsSection />
        </>
      )}
    </section>
  );
}
