/**
 * /app/audits/quizzes/:id: the quiz's public link, its results (attempts, mean; employees with their
 * progress first -> latest; stores; topics; the most missed questions) for a period and a store, and the
 * personal links per employee (filterable by store; for those who may manage quizzes).
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { qs } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { CopyableUrl } from '../components/CopyButton.tsx';
import { Field } from '../components/Field.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { QuizAnswer, QuizLinksAnswer, QuizResultsAnswer } from '../../core/api/quizzes.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { nameIn } from './quizForm.ts';
import '../support/support.css';
import './quizzes.css';

interface Filter { from: string; to: string; location: string }

export function QuizPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { can } = useSession();
  const quiz = useLoad<QuizAnswer>(`/quizzes/${id}`);
  const locations = useLoad<LocationsAnswer>('/locations');
  const stores = (locations.data?.locations ?? []).filter((l) => l.kind !== 'company');
  return (
    <div className="an-page">
      <Loadable state={quiz} height={120}>
        {({ quiz: q }) => (
          <>
            <div className="an-page-head">
              <PageTitle title={nameIn(q.name, lang)} />
              {can('audit.manage') && <Link to={`/app/audits/quizzes/${q.id}/edit`} className="button secondary">{t('qz.edit')}</Link>}
            </div>
            <p><StatusBadge status={q.status} /> <span className="muted">{t('qz.version', { n: q.version })}</span></p>
            <p className="muted" aria-hidden="true">{t('qz.publicLink')}</p>
            <CopyableUrl url={q.url} label={t('qz.publicLink')} />
          </>
        )}
      </Loadable>
      <Results id={id!} stores={stores} />
      {can('audit.manage') && <PersonalLinks id={id!} stores={stores} />}
    </div>
  );
}

function StoreSelect({ value, onChange, stores }: { value: string; onChange: (v: string) => void; stores: { id: string; name: string }[] }) {
  const { t } = useI18n();
  return (
    <Field label={t('qz.store')}>
      {(p) => <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('qz.allStores')}</option>
        {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>}
    </Field>
  );
}

function Progress({ change }: { change: number }) {
  const { t } = useI18n();
  const n = Math.round(Math.abs(change));
  if (n === 0) return <span>= <span>{t('qz.same')}</span></span>;
  return change > 0
    ? <span className="qz-up"><span aria-hidden="true">▲ </span>{t('qz.up', { n })}</span>
    : <span className="qz-down"><span aria-hidden="true">▼ </span>{t('qz.down', { n })}</span>;
}

function Results({ id, stores }: { id: string; stores: { id: string; name: string }[] }) {
  const { t, pct, num, lang } = useI18n();
  const [draft, setDraft] = useState<Filter>({ from: '', to: '', location: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const results = useLoad<QuizResultsAnswer>(`/quizzes/${id}/results${qs({ ...filter })}`);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  return (
    <section className="card" aria-labelledby="qz-results-h">
      <h2 id="qz-results-h">{t('qz.results')}</h2>
      <form className="qz-filters" onSubmit={apply}>
        <Field label={t('qz.from')}>{(p) => <input {...p} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}</Field>
        <Field label={t('qz.to')}>{(p) => <input {...p} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}</Field>
        <StoreSelect value={draft.location} stores={stores} onChange={(location) => setDraft({ ...draft, location })} />
        <button type="submit" className="secondary">{t('qz.apply')}</button>
      </form>
      <div aria-live="polite">
        <Loadable state={results} height={240}>
          {(r) => r.attempts === 0 ? (
            <EmptyState title={t('qz.attempts', { n: 0 })}><p className="muted">{t('qz.noAttempts')}</p></EmptyState>
          ) : (
            <div data-testid="qz-results">
              <div className="qz-summary">
                <p>{t('qz.col.attempts')}<strong>{t('qz.attempts', { n: r.attempts })}</strong></p>
                <p>{t('qz.mean')}<strong>{pct(r.mean)}</strong></p>
              </div>
              <h3>{t('qz.byEmployee')}</h3>
              <SupportTable testId="qz-employees" caption={t('qz.byEmployee')} wide>
                <thead><tr>
                  <th scope="col">{t('qz.employee')}</th><th scope="col">{t('qz.store')}</th><th scope="col">{t('qz.col.attempts')}</th>
                  <th scope="col">{t('qz.first')}</th><th scope="col">{t('qz.latest')}</th><th scope="col">{t('qz.best')}</th><th scope="col">{t('qz.progress')}</th>
                </tr></thead>
                <tbody>
                  {r.employees.map((e) => (
                    <tr key={e.id}>
                      <th scope="row"><bdi>{e.name}</bdi>{e.code && <span className="muted"> (<bdi>{e.code}</bdi>)</span>}</th>
                      <td><bdi>{e.location?.name ?? ''}</bdi></td>
                      <td>{num(e.attempts, 0)}</td>
                      <td>{pct(e.first)}</td><td>{pct(e.latest)}</td><td>{pct(e.best)}</td>
                      <td><Progress change={e.change} /></td>
                    </tr>
                  ))}
                </tbody>
              </SupportTable>
              <h3>{t('qz.byLocation')}</h3>
              <SupportTable testId="qz-locations" caption={t('qz.byLocation')}>
                <thead><tr><th scope="col">{t('qz.store')}</th><th scope="col">{t('qz.col.attempts')}</th><th scope="col">{t('qz.mean')}</th></tr></thead>
                <tbody>{r.locations.map((l) => <tr key={l.id}><th scope="row"><bdi>{l.name}</bdi></th><td>{num(l.attempts, 0)}</td><td>{pct(l.mean)}</td></tr>)}</tbody>
              </SupportTable>
              <h3>{t('qz.byTopic')}</h3>
              <SupportTable testId="qz-topics" caption={t('qz.byTopic')}>
                <thead><tr><th scope="col">{t('qz.topic')}</th><th scope="col">{t('qz.answers')}</th><th scope="col">{t('qz.score')}</th></tr></thead>
                <tbody>{r.topics.map((x) => <tr key={x.topic ?? ''}><th scope="row"><bdi>{x.topic ?? t('qz.noTopic')}</bdi></th><td>{num(x.n, 0)}</td><td>{pct(x.percent)}</td></tr>)}</tbody>
              </SupportTable>
              <h3>{t('qz.mostMissed')}</h3>
              <ol data-testid="qz-missed">
                {r.mostMissed.map((m) => (
                  <li key={m.key}><bdi>{m.text ? nameIn(m.text, lang) : t('qz.removedQuestion', { key: m.key })}</bdi>: {t('qz.missed', { missed: m.missed, n: m.n })} ({pct(m.missRate * 100)})</li>
                ))}
              </ol>
            </div>
          )}
        </Loadable>
      </div>
    </section>
  );
}

function PersonalLinks({ id, stores }: { id: string; stores: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const [location, setLocation] = useState('');
  const links = useLoad<QuizLinksAnswer>(`/quizzes/${id}/links${qs({ location })}`);
  return (
    <section className="card qz-links" aria-labelledby="qz-links-h">
      <h2 id="qz-links-h">{t('qz.personalLinks')}</h2>
      <p className="muted">{t('qz.personalHint')}</p>
      <StoreSelect value={location} stores={stores} onChange={setLocation} />
      <div aria-live="polite">
        <Loadable state={links} height={120}>
          {(data) => data.items.length === 0 ? <p>{t('qz.noEmployees')}</p> : (
            <SupportTable testId="qz-link-list" caption={t('qz.personalLinks')} wide>
              <thead><tr><th scope="col">{t('qz.employee')}</th><th scope="col">{t('qz.store')}</th><th scope="col">{t('qz.link')}</th></tr></thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.employee.id}>
                    <th scope="row"><bdi>{i.employee.name}</bdi></th>
                    <td><bdi>{i.employee.location?.name ?? ''}</bdi></td>
                    <td><CopyableUrl url={i.url} label={`${t('qz.link')}: ${i.employee.name}`} /></td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          )}
        </Loadable>
      </div>
    </section>
  );
}
