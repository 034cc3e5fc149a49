/**
 * A page for owners and admins with access to the whole organisation (settings, background jobs: the
 * server refuses everyone else); others get an explanation under the page's title instead.
 */
import type { ReactNode } from 'react';
import { useSession } from '../shell/session.tsx';
import { PageTitle } from '../components/index.ts';

export function WholeOrgAdminOnly({ title, refusal, children }: { title: string; refusal: string; children: ReactNode }) {
  const { me, can } = useSession();
  if (can('org.manage') && me?.locationPaths === null) return <>{children}</>;
  return (
    <section>
      <PageTitle title={title} />
      <p>{refusal}</p>
    </section>
  );
}
