/**
 * Pages a role cannot use: navigation does not offer them, and opened by URL they say so plainly
 * instead of showing a form whose every request the server would refuse.
 */
import type { ReactNode } from 'react';
import type { Action } from '../../core/access/index.ts';
import { Link } from 'react-router';
import { PageTitle } from '../components/index.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from './session.tsx';

export function NotAvailableForRole() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <section className="card denied">
      <PageTitle title={t('denied.title')} />
      <p>{t('denied.body', { role: t(`role.${me?.user.role ?? 'viewer'}` as MessageKey) })}</p>
      <p><Link to="/app">{t('denied.back')}</Link></p>
    </section>
  );
}

/** Renders `children` when the signed-in role allows `action`, the "not available for your role" page otherwise. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useSession();
  return can(action) ? <>{children}</> : <NotAvailableForRole />;
}
