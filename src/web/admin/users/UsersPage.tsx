/** /app/users: people with access, their roles and locations, pending invitations, and inviting. */
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ErrorMessage, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import { ALL_ROLES, INVITABLE_ROLES, type UserRow } from '../types.ts';
import type { UsersAnswer } from '../../../core/api/users.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import { InviteForm } from './InviteForm.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { ResetPasswordButton, SecurityCard } from './AccountAdmin.tsx';


export function UsersPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const users = useLoad<UsersAnswer>('/users');
  const locs = useLoad<LocationsAnswer>('/locations');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = new Map((locs.data?.locations ?? []).map((l) => [l.id, l.name]));
  const locationNames = (ids: string[]) => (ids.length ? ids.map((id) => names.get(id) ?? '?').join(', ') : t('users.allLocations'));
  // Only an owner may hand out or take away the owner role.
  const roles = me?.user.role === 'owner' ? ALL_ROLES : INVITABLE_ROLES;

  const patch = async (u: UserRow, body: { role?: string; disabled?: boolean }) => {
    setError(null);
    try {
      await api.patch(`/users/${u.id}`, body);
      setStatus(t('users.updated', { email: u.email }));
      await users.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const pending = (users.data?.invitations ?? []).filter((i) => !i.acceptedAt);

  return (
    <section>
      <PageTitle title={t('users.title')} />
      <ErrorMessage message={users.error ? t('shell.error', { message: users.error.message }) : error} />
      <LiveStatus message={status} kind="success" />
      {users.loading && !users.data && <Loading lines={4} />}
      {users.data && (
        <table>
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.locations')}</th>
              <th scope="col">{t('users.access')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => {
              const self = u.id === me?.user.id;
              const fixed = self || (u.role === 'owner' && me?.user.role !== 'owner');
              return (
                <tr key={u.id}>
                  <th scope="row" dir="ltr" className="start">{u.email}</th>
                  <td>{u.name}</td>
                  <td>
                    <label>
                      <span className="visually-hidden">{t('users.roleOf', { email: u.email })}</span>
                      <select value={u.role} disabled={fixed} onChange={(e) => patch(u, { role: e.target.value })}>
                        {(fixed ? [u.role] : roles).map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}
                      </select>
                    </label>
                  </td>
                  <td>{locationNames(u.locationIds)}</td>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={u.disabled} disabled={fixed} onChange={(e) => patch(u, { disabled: e.target.checked })} />
                      {t('users.disabled')}
                    </label>
                  </td>
                  <td>{!fixed && !u.disabled && <ResetPasswordButton userId={u.id} email={u.email} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PendingInvitations invitations={users.data ? pending : null} locationNames={locationNames} onChanged={() => users.reload()} />
      {can('org.manage') && <SecurityCard />}
      <InviteForm locations={locs.data?.locations ?? []} onInvited={() => users.reload()} />
    </section>
  );
}
