/**
 * /app/staff: a staff survey's anonymous results (docs/staff.md): pick a staff survey, a period and a
 * location; the groups table (merged and hidden groups stated plainly), eNPS and the staff's estimates;
 * for staff.manage, the staff results links (create for a location, copy, revoke).
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { api, qs } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { CopyableUrl } from '../components/CopyButton.tsx';
import { Field } from '../components/Field.tsx';
import { Loadable, Skeleton } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { SurveyListAnswer } from '../../core/api/surveys.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { ResultLinkCreated, ResultLinkList, StaffGroupRef, StaffResultGroup, StaffResultsAnswer } from '../../core/api/staffResults.ts';
import '../support/support.css';
import './staffVoice.css';

interface Filter { survey: string; from: string; to: string; location: string }
type Loc = { id: string; name: string };

export function StaffResultsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const locations = useLoad<LocationsAnswer>('/locations');
  const staffSurveys = (surveys.data?.surveys ?? []).filter((s) => s.audience === 'staff');
  const locs: Loc[] = locations.data?.locations ?? [];
  return (
    <div className="an-page">
      <PageTitle title={t('sv.title')} />
      {surveys.data && <p className="muted">{t('sv.rule', { min: surveys.data.staffMinGroup })}</p>}
      <Loadable state={surveys} height={80}>
        {() => staffSurveys.length === 0 ? (
          <EmptyState title={t('sv.noSurveys')}><p className="muted">{t('sv.noSurveysHint')}</p></EmptyState>
        ) : (
          <>
            <Results surveys={staffSurveys} locations={locs} />
            {can('staff.manage') && <ResultLinks surveys={staffSurveys} locations={locs} />}
          </>
        )}
      </Loadable>
    </div>
  );
}

function LocationSelect({ value, onChange, locations, allLabel }: { value: string; onChange: (v: string) => void; locations: Loc[]; allLabel?: string }) {
  const { t } = useI18n();
  return (
    <Field label={t('sv.location')}>
      {(p) => <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>}
    </Field>
  );
}

function SurveySelect({ value, onChange, surveys }: { value: string; onChange: (v: string) => void; surveys: { id: string; name: string }[] }) {
  const { t } = useI18n();
  return (
    <Field label={t('sv.survey')}>
      {(p) => <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
        {surveys.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>}
    </Field>
  );
}

function Results({ surveys, locations }: { surveys: { id: string; name: string }[]; locations: Loc[] }) {
  const { t, num, pct, lang } = useI18n();
  const [draft, setDraft] = useState<Filter>({ survey: surveys[0].id, from: '', to: '', location: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const results = useLoad<StaffResultsAnswer>(`/staff/results${qs({ ...filter })}`);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const groupName = (g: StaffGroupRef, fallback: string) => {
    const loc = g.locationName ?? t('sv.noLocation');
    return g.team ? `${loc} · ${g.team.label[lang] ?? g.team.label[fallback] ?? g.team.value}` : loc;
  };
  const question = (g: StaffResultGroup, role: string) => g.questions.find((q) => q.staffRole === role);
  const cell = (q: StaffResultGroup['questions'][number] | undefined, kind: 'mean' | 'box') =>
    !q ? '—' : q.hidden ? t('sv.tooFew') : kind === 'mean' ? num(q.mean ?? null) : pct(q.boxShare ?? null);
  return (
    <section className="card" aria-labelledby="sv-results-h">
      <h2 id="sv-results-h">{t('sv.results')}</h2>
      <form className="sv-filters" onSubmit={apply}>
        <SurveySelect value={draft.survey} surveys={surveys} onChange={(survey) => setDraft({ ...draft, survey })} />
        <Field label={t('sv.from')}>{(p) => <input {...p} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}</Field>
        <Field label={t('sv.to')}>{(p) => <input {...p} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}</Field>
        <LocationSelect value={draft.location} locations={locations} allLabel={t('sv.allLocations')} onChange={(location) => setDraft({ ...draft, location })} />
        <button type="submit" className="secondary">{t('sv.apply')}</button>
      </form>
      <div aria-live="polite">
        {results.loading ? <Skeleton height={200} label={t('sv.loading')} /> : (
          <Loadable state={results} height={200}>
            {(r) => {
              const fallback = r.survey.defaultLanguage;
              if (r.groups.length === 0) {
                return <EmptyState title={t('sv.noGroups')}><p className="muted">{t('sv.noGroupsHint', { min: r.minGroup })}</p></EmptyState>;
              }
              return (
                <div data-testid="sv-groups">
                  <SupportTable testId="sv-group-table" caption={t('sv.groupsCaption', { survey: r.survey.name })} wide>
                    <thead><tr>
                      <th scope="col">{t('sv.group')}</th><th scope="col">{t('sv.people')}</th><th scope="col">{t('sv.enps')}</th>
                      <th scope="col">{t('sv.expectedNps')}</th><th scope="col">{t('sv.expectedCsat')}</th><th scope="col">{t('sv.merged')}</th>
                    </tr></thead>
                    <tbody>
                      {r.groups.map((g, i) => (
                        <tr key={i}>
                          <th scope="row"><bdi>{groupName(g, fallback)}</bdi></th>
                          <td>{num(g.n, 0)}</td>
                          <td>{g.enps ? num(g.enps.value) : t('sv.tooFew')}</td>
                          <td>{cell(question(g, 'expected_nps'), 'mean')}</td>
                          <td>{cell(question(g, 'expected_csat'), 'box')}</td>
                          <td>{g.merged.length ? t('sv.mergedInto', { names: g.merged.map((m) => groupName(m, fallback)).join(', '), min: r.minGroup }) : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </SupportTable>
                  {r.hidden && <p data-testid="sv-hidden" className="muted">{t('sv.hidden', { min: r.minGroup })}</p>}
                </div>
              );
            }}
          </Loadable>
        )}
      </div>
    </section>
  );
}

function ResultLinks({ surveys, locations }: { surveys: { id: string; name: string }[]; locations: Loc[] }) {
  const { t, date } = useI18n();
  const links = useLoad<ResultLinkList>('/staff/result-links');
  const [surveyId, setSurveyId] = useState(surveys[0].id);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [created, setCreated] = useState<ResultLinkCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setCreated(await api.post<ResultLinkCreated>('/staff/result-links', { surveyId, locationId: locationId || locations[0]?.id }));
      await links.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const revoke = async (id: string) => {
    await api.post(`/staff/result-links/${id}/revoke`);
    await links.reload();
  };
  return (
    <section className="card" aria-labelledby="sv-links-h">
      <h2 id="sv-links-h">{t('sv.links')}</h2>
      <p className="muted">{t('sv.linksHint')}</p>
      <form className="sv-filters" onSubmit={create}>
        <SurveySelect value={surveyId} surveys={surveys} onChange={setSurveyId} />
        <LocationSelect value={locationId} locations={locations} onChange={setLocationId} />
        <button type="submit">{t('sv.createLink')}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {created && (
        <div role="status">
          <p>{t('sv.linkCreated')}</p>
          <CopyableUrl url={created.url} label={t('sv.linkFor', { location: created.link.locationName })} />
        </div>
      )}
      <Loadable state={links} height={80}>
        {(data) => data.links.length === 0 ? <p>{t('sv.noLinks')}</p> : (
          <SupportTable testId="sv-link-list" caption={t('sv.links')} wide>
            <thead><tr><th scope="col">{t('sv.location')}</th><th scope="col">{t('sv.survey')}</th><th scope="col">{t('sv.created')}</th><th scope="col">{t('sv.state')}</th></tr></thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.id}>
                  <th scope="row"><bdi>{l.locationName}</bdi></th>
                  <td><bdi>{l.surveyName}</bdi></td>
                  <td>{date(l.createdAt)}</td>
                  <td>{l.revokedAt ? t('sv.revoked') : (
                    <button type="button" className="secondary" onClick={() => void revoke(l.id)} aria-label={t('sv.revokeFor', { location: l.locationName })}>{t('sv.revoke')}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </SupportTable>
        )}
      </Loadable>
    </section>
  );
}
