/**
 * /app/audits/visits/:id: the review page. Sections with their items (answer, points, failed items
 * highlighted, critical failures listed first), photo and audio evidence, the notes of a mystery call or chat,
 * a correction form per item with a required reason, review / publish, the employee link; for a location
 * manager the page is read-only with "Appeal" per item (once) and the decision shown.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorMessage, LiveStatus } from '../components/LiveStatus.tsx';
import { Field } from '../components/Field.tsx';
import { Loading } from '../components/Loading.tsx';
import { Panel } from '../analytics/ui.tsx';
import type { Appeal, Visit, VisitAnswer } from '../../core/api/auditVisits.ts';
import type { StoredItemAnswer } from '../../core/audits/answers.ts';
import { checklistItems, textIn, type ChecklistDefinition, type ChecklistItem } from '../../core/audits/checklist.ts';
import { errorText, VisitScore, VisitStatusBadge, type Msg } from './format.tsx';
// .clr-sub, .plan-meta, .plan-locations: shared with the action plans; without this they only applied after a plan page was opened.
import '../caseReports/caseReports.css';
import './auditVisits.css';


export function VisitPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const visit = useLoad<VisitAnswer>(`/audit-visits/${id}`);
  if (visit.error) return <ErrorMessage message={visit.error instanceof ApiError && visit.error.status === 404 ? t('av.notFound') : visit.error.message} />;
  if (!visit.data) return <Loading />;
  return <VisitView visit={visit.data.visit} onChange={(v) => visit.setData({ visit: v })} reload={visit.reload} />;
}

function VisitView({ visit, onChange, reload }: { visit: Visit; onChange(v: Visit): void; reload(): Promise<void> }) {
  const { t, date, lang, num } = useI18n();
  const [msg, setMsg] = useState<Msg>(null);
  const definition = visit.definition as ChecklistDefinition;
  const items = checklistItems(definition);
  const outcome = new Map(visit.items.map((i) => [i.itemKey, i]));
  const criticalFailed = items.filter((i) => outcome.get(i.key)?.failed && i.critical);
  const title = `${visit.locationName ?? t('av.noLocation')} · ${t(`av.kind.${visit.kind}`)}`;
  const run = async (fn: () => Promise<VisitAnswer>, done: string) => {
    try {
      onChange((await fn()).visit);
      setMsg({ text: done, kind: 'success' });
    } catch (err) {
      setMsg({ text: errorText(err), kind: 'error' });
    }
  };
  const loose = visit.evidence.filter((e) => e.kind === 'audio' && (!e.itemKey || !outcome.has(e.itemKey)));
  return (
    <div className="an-page" data-testid="av-visit">
      <p><Link to="/app/audits/visits">{t('av.back')}</Link></p>
      <PageTitle title={title}><bdi>{visit.locationName ?? t('av.noLocation')}</bdi> · {t(`av.kind.${visit.kind}`)}</PageTitle>
      <ul className="plan-meta" data-testid="av-meta">
        <li><VisitStatusBadge status={visit.status} /></li>
        <li data-testid="av-score"><VisitScore score={visit.score} autofail={visit.autofail} /> <span className="muted">{t('av.scoreLine', { earned: num(visit.earned), possible: visit.possible })}</span></li>
        <li>{t('av.visitedAt', { date: date(visit.visitedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>
        {visit.auditorName && <li>{t('av.by', { name: visit.auditorName })}</li>}
        <li className="muted">{t('av.timeline', { submitted: date(visit.submittedAt, { dateStyle: 'medium' }) })}</li>
        {visit.reviewedAt && <li className="muted">{t('av.reviewedBy', { name: visit.reviewedBy ?? '', date: date(visit.reviewedAt, { dateStyle: 'medium' }) })}</li>}
        {visit.publishedAt && <li className="muted">{t('av.publishedBy', { name: visit.publishedBy ?? '', date: date(visit.publishedAt, { dateStyle: 'medium' }) })}</li>}
      </ul>
      {(visit.can.review || visit.can.publish) && (
        <div className="av-actions">
          {visit.can.review && <button type="button" className="secondary" data-testid="av-review" onClick={() => run(() => api.post(`/audit-visits/${visit.id}/review`), t('av.reviewed'))}>{t('av.review')}</button>}
          {visit.can.publish && <button type="button" className="primary" data-testid="av-publish" onClick={() => run(() => api.post(`/audit-visits/${visit.id}/publish`), t('av.published'))}>{t('av.publish')}</button>}
        </div>
      )}
      <LiveStatus message={msg?.text ?? null} kind={msg?.kind} />
      {visit.autofail && (
        <section className="card" aria-labelledby="av-critical-title" data-testid="av-critical">
          <h2 id="av-critical-title">{t('av.critical.title')}</h2>
          <p>{t('av.autofailNote')}</p>
          <ul>{criticalFailed.map((i) => <li key={i.key}><bdi>{textIn(i.text, lang)}</bdi></li>)}</ul>
        </section>
      )}
      {visit.can.editEmployee && <EmployeeForm visit={visit} onSaved={onChange} />}
      {!visit.can.editEmployee && (visit.employeeName || visit.employeeLabel) && <p>{t('av.employee')}: <bdi>{visit.employeeName ?? visit.employeeLabel}</bdi></p>}
      {visit.notes && <Panel title={t('av.notes')} id="av-notes"><p dir="auto" className="plan-description">{visit.notes}</p></Panel>}
      {loose.length > 0 && (
        <Panel title={t('av.recording')} id="av-recording">
          <div className="av-evidence">{loose.map((e) => <audio key={e.id} controls preload="none" src={`/api/v1/audit-evidence/${e.id}`} aria-label={t('av.recording')} />)}</div>
        </Panel>
      )}
      {definition.sections.map((s) => (
        <Panel key={s.key} title={textIn(s.name, lang)} id={`av-sec-${s.key}`}>
          <ul className="av-items">
            {s.items.map((item) => (
              <ItemRow key={item.key} item={item} visit={visit} onChange={onChange} onAppealed={reload} />
            ))}
          </ul>
        </Panel>
      ))}
      {visit.corrections.length > 0 && (
        <Panel title={t('av.corrections')} id="av-corrections">
          <ul data-testid="av-corrections">
            {visit.corrections.map((c) => {
              const item = items.find((i) => i.key === c.itemKey);
              return <li key={c.id}><bdi>{t('av.correctionLine', { item: item ? textIn(item.text, lang) : c.itemKey, reason: c.reason, name: c.correctedBy ?? '', date: date(c.createdAt, { dateStyle: 'medium' }) })}</bdi></li>;
            })}
          </ul>
        </Panel>
      )}
    </div>
  );
}

/** The answer as words: "Yes", "N/A", "2 of 3", "Measured: 7 min". */
function AnswerText({ item, answer }: { item: ChecklistItem; answer: StoredItemAnswer | undefined }) {
  const { t, num } = useI18n();
  if (!answer || (answer.value === undefined && answer.measured === undefined)) return <>{item.answerType === 'photo' || item.answerType === 'comment' ? '' : t('av.item.none')}</>;
  if (answer.measured !== undefined) return <>{t('av.item.measured', { value: `${num(answer.measured)}${item.passRule?.unit ? ` ${item.passRule.unit}` : ''}` })}</>;
  if (answer.value === 'yes' || answer.value === 'no' || answer.value === 'na') return <>{t(`av.answer.${answer.value}`)}</>;
  return <>{t('av.item.points', { earned: num(answer.value ?? 0), possible: num(item.points) })}</>;
}

function ItemRow({ item, visit, onChange, onAppealed }: { item: ChecklistItem; visit: Visit; onChange(v: Visit): void; onAppealed(): Promise<void> }) {
  const { t, lang, num } = useI18n();
  const [open, setOpen] = useState<'correct' | 'appeal' | null>(null);
  const o = visit.items.find((i) => i.itemKey === item.key);
  const answer = visit.answers[item.key];
  const evidence = visit.evidence.filter((e) => e.itemKey === item.key);
  const appeal = visit.appeals.find((a) => a.itemKey === item.key);
  const scored = item.answerType !== 'photo' && item.answerType !== 'comment';
  const text = textIn(item.text, lang);
  return (
    <li className={`av-item${o?.failed ? ' failed' : ''}`} data-testid={`av-item-${item.key}`}>
      <div className="av-item-head">
        <h4><bdi>{text}</bdi></h4>
        <span className="av-actions">
          {item.critical && <span className="badge av-critical">{t('av.critical')}</span>}
          {o?.failed && <span className="badge av-autofail">{t('av.item.failed')}</span>}
        </span>
      </div>
      <ul className="av-item-meta">
        {scored && <li>{t('av.item.answer')}: <strong><AnswerText item={item} answer={answer} /></strong></li>}
        {scored && o && <li>{o.applicable ? t('av.item.points', { earned: num(o.earned), possible: num(o.possible) }) : t('av.item.na')}</li>}
      </ul>
      {answer?.comment && <p dir="auto" className="muted">{answer.comment}</p>}
      {evidence.length > 0 && (
        <div className="av-evidence">
          {evidence.map((e) => e.kind === 'photo'
            ? <img key={e.id} src={`/api/v1/audit-evidence/${e.id}`} alt={t('av.evidence.photo', { item: text })} loading="lazy" />
            : <audio key={e.id} controls preload="none" src={`/api/v1/audit-evidence/${e.id}`} aria-label={t('av.recording')} />)}
        </div>
      )}
      {appeal && <AppealView appeal={appeal} item={item} visit={visit} onDecided={onAppealed} />}
      <div className="av-actions">
        {scored && visit.can.correct && open !== 'correct' && <button type="button" className="secondary" data-testid={`av-correct-${item.key}`} onClick={() => setOpen('correct')}>{t('av.correct')}</button>}
        {scored && visit.can.appeal && !appeal && open !== 'appeal' && <button type="button" className="secondary" data-testid={`av-appeal-${item.key}`} onClick={() => setOpen('appeal')}>{t('av.appeal')}</button>}
      </div>
      {open === 'correct' && <CorrectionForm item={item} visit={visit} onDone={(v) => { onChange(v); setOpen(null); }} onCancel={() => setOpen(null)} />}
      {open === 'appeal' && <AppealForm item={item} visit={visit} onDone={async () => { setOpen(null); await onAppealed(); }} onCancel={() => setOpen(null)} />}
    </li>
  );
}

/** An answer control for the item's type; `null` while nothing is chosen. */
function AnswerInput({ item, value, onChange }: { item: ChecklistItem; value: string; onChange(v: string): void }) {
  const { t } = useI18n();
  if (item.answerType === 'scale' || item.answerType === 'number') {
    return (
      <Field label={item.answerType === 'number' ? `${t('av.correct.measured')}${item.passRule?.unit ? ` (${item.passRule.unit})` : ''}` : t('av.correct.value')}>
        {(p) => <input {...p} type="number" inputMode="decimal" step="any" min={item.answerType === 'scale' ? 0 : undefined} max={item.answerType === 'scale' ? item.points : undefined} value={value} onChange={(e) => onChange(e.target.value)} required />}
      </Field>
    );
  }
  const options = item.answerType === 'yes_no_na' ? (['yes', 'no', 'na'] as const) : (['yes', 'no'] as const);
  return (
    <Field label={t('av.correct.value')}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)} required>
          <option value="" />
          {options.map((o) => <option key={o} value={o}>{t(`av.answer.${o}`)}</option>)}
        </select>
      )}
    </Field>
  );
}

function toAnswer(item: ChecklistItem, value: string, previous: StoredItemAnswer | undefined): StoredItemAnswer {
  const keep = { ...(previous?.comment ? { comment: previous.comment } : {}), ...(previous?.evidence ? { evidence: previous.evidence } : {}) };
  if (item.answerType === 'number') return { ...keep, measured: Number(value) };
  if (item.answerType === 'scale') return { ...keep, value: Number(value) };
  return { ...keep, value: value as 'yes' | 'no' | 'na' };
}

function initialValue(item: ChecklistItem, a: StoredItemAnswer | undefined): string {
  if (item.answerType === 'number') return a?.measured === undefined ? '' : String(a.measured);
  return a?.value === undefined ? '' : String(a.value);
}

function CorrectionForm({ item, visit, onDone, onCancel }: { item: ChecklistItem; visit: Visit; onDone(v: Visit): void; onCancel(): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initialValue(item, visit.answers[item.key]));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setReasonError(t('av.correct.reasonMissing'));
    setReasonError(null);
    try {
      const res = await api.post<VisitAnswer>(`/audit-visits/${visit.id}/corrections`, { itemKey: item.key, answer: toAnswer(item, value, visit.answers[item.key]), reason });
      onDone(res.visit);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="av-form" onSubmit={submit} noValidate data-testid={`av-correct-form-${item.key}`}>
      <AnswerInput item={item} value={value} onChange={setValue} />
      <Field label={t('av.correct.reason')} error={reasonError}>{(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />}</Field>
      <ErrorMessage message={error} />
      <div className="av-actions">
        <button type="submit" className="primary">{t('av.correct.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('av.correct.cancel')}</button>
      </div>
    </form>
  );
}

function AppealForm({ item, visit, onDone, onCancel }: { item: ChecklistItem; visit: Visit; onDone(): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('av.appeal.reason'));
    try {
      await api.post(`/audit-visits/${visit.id}/appeals`, { itemKey: item.key, reason });
      await onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="av-form" onSubmit={submit} noValidate>
      <Field label={t('av.appeal.reason')} error={error}>{(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />}</Field>
      <div className="av-actions">
        <button type="submit" className="primary">{t('av.appeal.send')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('av.correct.cancel')}</button>
      </div>
    </form>
  );
}

/** An item's appeal: its reason and decision; a reviewer decides a pending one (uphold may change the answer). */
function AppealView({ appeal, item, visit, onDecided }: { appeal: Appeal; item: ChecklistItem; visit: Visit; onDecided(): Promise<void> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [value, setValue] = useState(initialValue(item, visit.answers[item.key]));
  const [error, setError] = useState<string | null>(null);
  const status = appeal.decision === null ? t('av.appeal.pending') : t(appeal.decision === 'upheld' ? 'av.appeal.upheld' : 'av.appeal.rejected');
  const decide = async (decision: 'upheld' | 'rejected') => {
    const changed = value !== initialValue(item, visit.answers[item.key]) && value !== '';
    try {
      await api.post(`/audit-appeals/${appeal.id}/decision`, { decision, note, ...(decision === 'upheld' && changed ? { answer: toAnswer(item, value, visit.answers[item.key]) } : {}) });
      await onDecided();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div className="av-appeal" data-testid={`av-appeal-status-${item.key}`}>
      <p><strong>{status}</strong> · <bdi>{appeal.reason}</bdi></p>
      {appeal.decisionNote && <p className="muted" dir="auto">{appeal.decisionNote}</p>}
      {appeal.decision === null && visit.can.decide && (
        <div className="av-form">
          <AnswerInput item={item} value={value} onChange={setValue} />
          <Field label={t('av.decide.note')}>{(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}</Field>
          <ErrorMessage message={error} />
          <div className="av-actions">
            <button type="button" className="primary" onClick={() => decide('upheld')}>{t('av.decide.uphold')}</button>
            <button type="button" className="secondary" onClick={() => decide('rejected')}>{t('av.decide.reject')}</button>
          </div>
        </div>
      )}
    </div>
  );
}

interface EmployeesAnswer { items: { id: string; name: string; code: string | null; locationId: string | null; active: boolean }[] }

/** The employee: a select from the directory when it answers, and the free-text label. */
function EmployeeForm({ visit, onSaved }: { visit: Visit; onSaved(v: Visit): void }) {
  const { t } = useI18n();
  const employees = useLoad<EmployeesAnswer>(visit.locationId ? `/employees?locationId=${visit.locationId}` : null);
  const [employeeId, setEmployeeId] = useState(visit.employeeId ?? '');
  const [label, setLabel] = useState(visit.employeeLabel ?? '');
  const [msg, setMsg] = useState<Msg>(null);
  const list = employees.data?.items?.filter((e) => e.active || e.id === visit.employeeId) ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const body = { employeeLabel: label.trim() || null, ...(list.length > 0 ? { employeeId: employeeId || null } : {}) };
      onSaved((await api.patch<VisitAnswer>(`/audit-visits/${visit.id}`, body)).visit);
      setMsg({ text: t('av.employee.saved'), kind: 'success' });
    } catch (err) {
      setMsg({ text: errorText(err), kind: 'error' });
    }
  };
  return (
    <form className="av-form card" onSubmit={submit}>
      {list.length > 0 && (
        <Field label={t('av.employee')}>
          {(p) => (
            <select {...p} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">{t('av.employee.none')}</option>
              {list.map((e) => <option key={e.id} value={e.id}>{e.code ? `${e.name} (${e.code})` : e.name}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field label={t('av.employee.label')}>{(p) => <input {...p} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />}</Field>
      <div className="av-actions"><button type="submit" className="secondary">{t('av.employee.save')}</button></div>
      <LiveStatus message={msg?.text ?? null} kind={msg?.kind} />
    </form>
  );
}
