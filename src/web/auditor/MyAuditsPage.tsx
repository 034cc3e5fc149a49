/** /app/my-audits: the auditor's assignments, with what is drafted, queued or sent on this phone (docs/audits.md). */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Loading, PageTitle } from '../components/index.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import type { MyAssignment } from '../../core/api/auditField.ts';
import { listenToQueue, localStates, type Draft, type SentVisit } from './offline.ts';
import { useAssignments, useOnline } from './useAuditor.ts';
import { AssignmentStatus, ScoreLine } from './parts.tsx';
import './auditor.css';

/** The state to show: the server's, else what this phone holds. */
export function localStatus(a: MyAssignment, draft: Draft | undefined, sent: SentVisit | undefined): 'assigned' | 'draft' | 'queued' | 'submitted' | 'refused' {
  if (a.status === 'submitted' || sent) return 'submitted';
  if (draft?.refused) return 'refused';
  if (draft?.queued) return 'queued';
  return draft ? 'draft' : 'assigned';
}

export function MyAuditsPage() {
  const { t, date } = useI18n();
  const online = useOnline();
  const { items, cached, error, reload } = useAssignments();
  const [local, setLocal] = useState<Awaited<ReturnType<typeof localStates>> | null>(null);
  useEffect(() => {
    const refresh = () => void localStates().then(setLocal);
    refresh();
    return listenToQueue({ sent: () => { refresh(); void reload(); }, waiting: refresh, refused: refresh });
  }, [reload]);

  return (
    <section className="auditor-page" data-testid="my-audits">
      <PageTitle title={t('am.title')} />
      <p className="muted">{t('am.intro')}</p>
      {!online && <p className="auditor-offline" role="status">{t('am.offline')}</p>}
      {cached && <p className="muted" role="status">{t('am.cached')}</p>}
      <ErrorMessage message={error ? t('am.loadFailed', { message: error }) : null} />
      {!items && !error && <Loading />}
      {items && items.length === 0 && (
        <EmptyState title={t('am.empty')}><p>{t('am.emptyHint')}</p></EmptyState>
      )}
      {items && items.length > 0 && (
        <ul className="auditor-list">
          {items.map((a) => {
            const sent = local?.sent.get(a.id);
            const status = localStatus(a, local?.drafts.get(a.id), sent);
            const score = a.visit ?? sent ?? null;
            return (
              <li key={a.id} className="card auditor-card" data-testid="assignment">
                <h2 className="auditor-card-title">
                  <Link to={`/app/my-audits/${a.id}`} aria-label={t('am.open', { name: a.location.name })}><bdi>{a.location.name}</bdi></Link>
                </h2>
                <p className="muted">
                  {[a.location.parentName, a.location.code].filter(Boolean).join(' · ')}
                </p>
                <p>{a.dueOn ? t('am.due', { date: date(`${a.dueOn}T12:00:00`) }) : t('am.noDue')} · {t('am.wave', { name: `\u2068${a.wave.name}\u2069` })}</p>
                <p>
                  <AssignmentStatus status={status} label={t(`am.status.${status}` as MessageKey)} />
                  {status === 'submitted' && score && <> <ScoreLine score={score.score} autofail={score.autofail} /></>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
