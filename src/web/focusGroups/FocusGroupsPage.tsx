/**
 * /app/staff/focus-groups: the focus groups and key-client debriefs, filtered by kind, location and the days
 * held (applied on "Show": the list is replaced, never shown for the previous filters meanwhile).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { qs } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { FreshLoadable, SupportTable } from '../support/load.tsx';
import type { FocusSessionsAnswer } from '../../core/api/focusSessions.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { SentimentBadge } from './focusUi.tsx';
import '../support/support.css';
import './focusGroups.css';

const KINDS = ['focus_group', 'debrief'] as const;
interface Filter { kind: string; location: string; from: string; to: string }
const NO_FILTER: Filter = { kind: '', location: '', from: '', to: '' };

export function FocusGroupsPage() {
  const { t, num, date } = useI18n();
  const { can } = useSession();
  const locations = useLoad<LocationsAnswer>('/locations');
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const sessions = useLoad<FocusSessionsAnswer>(`/focus-sessions${qs({ ...filter })}`);
  const filtered = Object.values(filter).some(Boolean);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const set = (k: keyof Filter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={t('fg.title')} />
        {can('staff.manage') && <Link to="/app/staff/focus-groups/new" className="button primary" data-testid="fg-new">{t('fg.new')}</Link>}
      </div>
      <p className="muted">{t('fg.intro')}</p>
      <form className="fg-filters card" onSubmit={apply} aria-label={t('fg.filters')} data-testid="fg-filters">
        <Field label={t('fg.kind')}>
          {(p) => <select {...p} value={draft.kind} onChange={set('kind')} data-testid="fg-filter-kind">
            <option value="">{t('fg.kind.any')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t(`fg.kind.${k}` as MessageKey)}</option>)}
          </select>}
        </Field>
        <Field label={t('fg.location')}>
          {(p) => <select {...p} value={draft.location} onChange={set('location')} data-testid="fg-filter-location">
            <option value="">{t('fg.location.any')}</option>
            {(locations.data?.locations ?? []).map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
          </select>}
        </Field>
        <Field label={t('fg.from')}>{(p) => <input {...p} type="date" value={draft.from} max={draft.to || undefined} onChange={set('from')} data-testid="fg-filter-from" />}</Field>
        <Field label={t('fg.to')}>{(p) => <input {...p} type="date" value={draft.to} min={draft.from || undefined} onChange={set('to')} data-testid="fg-filter-to" />}</Field>
        <button type="submit" className="secondary">{t('fg.apply')}</button>
      </form>
      <div aria-live="polite">
        <FreshLoadable state={sessions} height={200}>
          {(data) => data.items.length === 0 ? (
            filtered
              ? <EmptyState title={t('fg.emptyFiltered')}><p className="muted">{t('fg.emptyFilteredHint')}</p></EmptyState>
              : <EmptyState title={t('fg.empty')}><p className="muted">{t('fg.emptyHint')}</p></EmptyState>
          ) : (
            <section className="card">
              <SupportTable testId="fg-list" caption={t('fg.title')} wide>
                <thead>
                  <tr>
                    <th scope="col">{t('fg.col.title')}</th>
                    <th scope="col">{t('fg.kind')}</th>
                    <th scope="col">{t('fg.col.held')}</th>
                    <th scope="col">{t('fg.location')}</th>
                    <th scope="col">{t('fg.col.participants')}</th>
                    <th scope="col">{t('fg.col.sentiment')}</th>
                    <th scope="col">{t('fg.col.findings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row"><Link to={`/app/staff/focus-groups/${s.id}`}><bdi>{s.title}</bdi></Link></th>
                      <td>{t(`fg.kind.${s.kind}` as MessageKey)}</td>
                      <td>{date(`${s.heldOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                      <td>{s.location ? <bdi>{s.location.name}</bdi> : <span className="muted">{t('fg.location.none')}</span>}</td>
                      <td>{t('fg.people', { n: s.participantCount })}</td>
                      <td><SentimentBadge sentiment={s.sentiment} /></td>
                      <td>{num(s.findings, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </SupportTable>
            </section>
          )}
        </FreshLoadable>
      </div>
    </div>
  );
}
