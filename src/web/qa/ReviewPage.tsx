/** /app/audits/qa/review: pick a support contact (or enter one by hand), fill a scorecard, save the QA review. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import type { StoredAnswers } from '../../core/audits/answers.ts';
import type { Employee, QaContact, QaScorecard } from '../../core/api/qa.ts';
import { Scorecard, unansweredItems } from './Scorecard.tsx';
import { cleanAnswers, messageOf } from './format.ts';
import './qa.css';

interface Saved { id: string; score: number | null; autofail: boolean }

export function ReviewPage() {
  const { t, date, pct } = useI18n();
  const [q, setQ] = useState('');
  const contacts = useLoad<{ items: QaContact[] }>(`/qa/contacts${qs({ q })}`);
  const scorecards = useLoad<{ items: QaScorecard[] }>('/qa/scorecards');
  const staff = useLoad<{ items: Employee[] }>('/employees?active=true');
  const [contactId, setContactId] = useState('');
  const [byHand, setByHand] = useState(false);
  const [subject, setSubject] = useState('');
  const [checklistId, setChecklistId] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [notes, setNotes] = useState('');
  const [answers, setAnswers] = useState<StoredAnswers>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const card = scorecards.data?.items.find((c) => c.id === checklistId) ?? scorecards.data?.items[0] ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!card) return;
    if (!byHand && !contactId) return setError(t('qa.review.needContact'));
    const missing = unansweredItems(card.definition, answers);
    if (missing.length > 0) {
      setError(t('qa.review.missing', { n: missing.length }));
      document.querySelector<HTMLInputElement>(`[data-item="${missing[0]}"] input`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<Saved>('/qa/reviews', {
        checklistId: card.id, checklistVersion: card.version, answers: cleanAnswers(answers), notes: notes || undefined,
        ...(byHand ? { subject } : { supportContactId: contactId }), ...(employeeId ? { employeeId } : {}),
      });
      setSaved(res);
      void contacts.reload();
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };
  const again = () => {
    setSaved(null);
    setAnswers({});
    setNotes('');
    setContactId('');
    setSubject('');
  };

  return (
    <div className="an-page">
      <p><Link to="/app/audits/qa">{t('qa.title')}</Link></p>
      <PageTitle title={t('qa.review.title')} />
      <LiveStatus message={saved ? (saved.autofail ? t('qa.review.doneAutofail') : t('qa.review.done', { score: pct(saved.score, 1) })) : null} kind="success" />
      {saved ? (
        <div className="qa-actions">
          <Link to={`/app/audits/visits/${saved.id}`}>{t('qa.review.open')}</Link>
          <button type="button" onClick={again}>{t('qa.review.another')}</button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate data-testid="qa-review-form">
          <Panel id="qa-pick" title={t('qa.review.pick')}>
            <label className="qa-choices"><input type="checkbox" checked={byHand} onChange={(e) => setByHand(e.target.checked)} />{t('qa.review.byHand')}</label>
            {byHand ? (
              <div className="qa-form">
                <Field label={t('qa.review.subject')}>{(p) => <textarea {...p} required maxLength={20000} value={subject} onChange={(e) => setSubject(e.target.value)} />}</Field>
              </div>
            ) : (
              <>
                <SearchBox initial={q} onSearch={setQ} label={t('qa.review.search')} buttonLabel={t('qa.review.searchButton')} clearLabel={t('qa.review.clear')} testId="qa-contact-search" />
                <Loadable state={contacts} height={120}>
                  {(data) => data.items.length === 0 ? <EmptyState title={t('qa.review.noContacts')} /> : (
                    <ul className="qa-contacts" data-testid="qa-contacts" aria-label={t('qa.review.pick')}>
                      {data.items.map((c) => (
                        <li key={c.id}>
                          <label>
                            <input type="radio" name="qa-contact" value={c.id} checked={contactId === c.id} onChange={() => setContactId(c.id)} />
                            <span>
                              <strong><bdi>{c.externalId}</bdi></strong> · <bdi>{c.subject ?? t('qa.none')}</bdi>
                              <br />
                              <small className="muted"><bdi>{c.agent ?? t('qa.none')}</bdi> · {c.channel ?? ''} · {date(c.createdAt)}{c.reviews > 0 && <> · {t('qa.review.reviewed', { n: c.reviews })}</>}</small>
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </Loadable>
              </>
            )}
          </Panel>
          <Panel id="qa-fill" title={t('qa.review.scorecard')}>
            <Loadable state={scorecards} height={200}>
              {(data) => data.items.length === 0 ? <EmptyState title={t('qa.review.noScorecards')} /> : (
                <div className="qa-form">
                  <div className="qa-row">
                    <Field label={t('qa.review.checklist')}>
                      {(p) => (
                        <select {...p} value={card?.id ?? ''} onChange={(e) => { setChecklistId(e.target.value); setAnswers({}); }}>
                          {data.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                        </select>
                      )}
                    </Field>
                    <Field label={t('qa.review.employee')}>
                      {(p) => (
                        <select {...p} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
                          <option value="">{t('qa.review.employeeAuto')}</option>
                          {staff.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name}{s.agentName ? ` (${s.agentName})` : ''}</option>)}
                        </select>
                      )}
                    </Field>
                  </div>
                  {card && <Scorecard definition={card.definition} answers={answers} onChange={setAnswers} />}
                  <Field label={t('qa.review.notes')}>{(p) => <textarea {...p} maxLength={20000} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
                  <ErrorMessage message={error} />
                  <div className="qa-actions"><button type="submit" className="primary" disabled={busy}>{t('qa.review.submit')}</button></div>
                </div>
              )}
            </Loadable>
          </Panel>
        </form>
      )}
    </div>
  );
}
