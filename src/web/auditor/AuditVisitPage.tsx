/**
 * /app/my-audits/:id: the checklist of one assignment, section by section, on a phone (docs/audits.md "The
 * auditor's page (offline)"). Every change is saved on the phone at once (IndexedDB); "Submit" queues the
 * visit and sends it now or when the connection comes back (./offline.ts).
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Field, LiveStatus, Loading, PageTitle } from '../components/index.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { checklistItems, parseChecklist, textIn, type ChecklistDefinition, type ChecklistItem } from '../../core/audits/checklist.ts';
import { missingAnswers, type StoredAnswers } from '../../core/audits/answers.ts';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../core/audits/evidence.ts';
import {
  flushQueue, listenToQueue, loadDraft, loadSent, newDraft, saveDraft, type Draft, type DraftAnswer, type DraftFile, type SentVisit,
} from './offline.ts';
import { useAssignments, useOnline } from './useAuditor.ts';
import { ScoreLine } from './parts.tsx';
import './auditor.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'sending'; uploaded: number; total: number }
  | { kind: 'queued' }
  | { kind: 'refused'; message: string }
  | { kind: 'missing'; items: string[] };

function FileThumb({ file, label, onRemove }: { file: DraftFile; label: string; onRemove: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (file.kind !== 'photo') return;
    const u = URL.createObjectURL(file.blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <li className="auditor-file" data-testid="draft-file">
      {url ? <img src={url} alt={t('am.photoAlt', { item: label })} /> : <span aria-hidden="true">♪</span>}
      <span className="auditor-file-name">{file.name} <small className="muted">({file.uploadedId ? t('am.fileUploaded') : t('am.fileLocal')})</small></span>
      <button type="button" className="link-button" onClick={onRemove}>{t('am.remove', { name: file.name })}</button>
    </li>
  );
}

function ChoiceGroup({ name, legend, options, value, onChange }: {
  name: string;
  legend: string;
  options: { value: DraftAnswer['value']; label: string }[];
  value: DraftAnswer['value'];
  onChange: (v: DraftAnswer['value']) => void;
}) {
  return (
    <fieldset className="auditor-choices">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className={`auditor-choice${value === o.value ? ' selected' : ''}`}>
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ItemCard({ item, answer, files, onAnswer, onAddFile, onRemoveFile }: {
  item: ChecklistItem;
  answer: DraftAnswer;
  files: DraftFile[];
  onAnswer: (a: DraftAnswer) => void;
  onAddFile: (kind: 'photo' | 'audio', e: ChangeEvent<HTMLInputElement>) => void;
  onRemoveFile: (localId: string) => void;
}) {
  const { t, lang, num } = useI18n();
  const text = textIn(item.text, lang);
  const name = `item-${item.key}`;
  const yes = { value: 'yes' as const, label: t('am.yes') };
  const no = { value: 'no' as const, label: t('am.no') };
  const na = { value: 'na' as const, label: t('am.na') };
  return (
    <li className="card auditor-item" data-testid={`item-${item.key}`}>
      <h3 className="auditor-item-text" id={`${name}-text`}>{text}</h3>
      <p className="muted auditor-item-meta">
        {item.points > 0 && t('am.points', { n: item.points })}
        {item.critical && <> · <strong>{t('am.critical')}</strong></>}
      </p>
      {(item.answerType === 'yes_no' || item.answerType === 'yes_no_na') && (
        <ChoiceGroup name={name} legend={text} value={answer.value} onChange={(value) => onAnswer({ ...answer, value })}
          options={item.answerType === 'yes_no_na' ? [yes, no, na] : [yes, no]} />
      )}
      {item.answerType === 'scale' && (
        <ChoiceGroup name={name} legend={`${text}: ${t('am.scaleLabel', { max: num(item.points, 0) })}`} value={answer.value}
          onChange={(value) => onAnswer({ ...answer, value })}
          options={Array.from({ length: Math.floor(item.points) + 1 }, (_, i) => ({ value: i, label: num(i, 0) }))} />
      )}
      {item.answerType === 'number' && item.passRule && (
        <Field label={item.passRule.unit ? t('am.measuredUnit', { unit: item.passRule.unit }) : t('am.measured')}
          hint={t(`am.rule.${item.passRule.op}` as MessageKey, { value: `${num(item.passRule.value, 2)}${item.passRule.unit ? ` ${item.passRule.unit}` : ''}` })}>
          {(p) => (
            <input {...p} type="number" inputMode="decimal" step="any" className="auditor-number" value={answer.measured ?? ''}
              onChange={(e) => {
                const v = e.target.value === '' ? undefined : Number(e.target.value);
                onAnswer({ ...answer, measured: v !== undefined && Number.isFinite(v) ? v : undefined });
              }} />
          )}
        </Field>
      )}
      <Field label={t('am.comment')}>
        {(p) => (
          <textarea {...p} rows={item.answerType === 'comment' ? 3 : 1} maxLength={2000} value={answer.comment ?? ''}
            onChange={(e) => onAnswer({ ...answer, comment: e.target.value || undefined })} />
        )}
      </Field>
      {files.length > 0 && (
        <ul className="auditor-files">
          {files.map((f) => <FileThumb key={f.localId} file={f} label={text} onRemove={() => onRemoveFile(f.localId)} />)}
        </ul>
      )}
      <div className="auditor-attach">
        <label className="button secondary auditor-attach-button">
          {t('am.addPhoto')}
          <input type="file" accept="image/*" capture="environment" className="visually-hidden" data-testid={`photo-${item.key}`}
            onChange={(e) => onAddFile('photo', e)} />
        </label>
        <label className="button secondary auditor-attach-button">
          {t('am.addAudio')}
          <input type="file" accept="audio/*" className="visually-hidden" data-testid={`audio-${item.key}`} onChange={(e) => onAddFile('audio', e)} />
        </label>
      </div>
    </li>
  );
}

export function AuditVisitPage() {
  const { id = '' } = useParams();
  const { t, lang, date, pct } = useI18n();
  const online = useOnline();
  const { items, error } = useAssignments();
  const assignment = items?.find((a) => a.id === id) ?? null;
  const definition = useMemo<ChecklistDefinition | null>(() => {
    try {
      return assignment ? parseChecklist(assignment.checklist) : null;
    } catch {
      return null;
    }
  }, [assignment]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [sent, setSent] = useState<SentVisit | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [positionNote, setPositionNote] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const loadedFor = useRef<string | null>(null);

  // The draft of this assignment from the phone, or a new one; the sent outcome if it went already.
  useEffect(() => {
    if (!assignment || loadedFor.current === assignment.id) return;
    loadedFor.current = assignment.id;
    void (async () => {
      const [d, s] = await Promise.all([loadDraft(assignment.id), loadSent(assignment.id)]);
      setSent(s ?? null);
      if (d) {
        setDraft(d);
        if (d.refused) setStatus({ kind: 'refused', message: d.refused });
        else if (d.queued) setStatus({ kind: 'queued' });
      } else if (!s && assignment.status === 'assigned') setDraft(newDraft(assignment));
    })();
  }, [assignment]);

  useEffect(() => listenToQueue({
    progress: (aid, p) => { if (aid === id) setStatus({ kind: 'sending', uploaded: p.uploaded, total: p.total }); },
    sent: (s) => { if (s.assignmentId === id) { setSent(s); setDraft(null); setStatus({ kind: 'idle' }); } },
    waiting: (aid) => { if (aid === id) setStatus({ kind: 'queued' }); },
    refused: (aid, message) => {
      if (aid !== id) return;
      setStatus({ kind: 'refused', message });
      setDraft((d) => (d ? { ...d, queued: false, refused: message } : d));
    },
  }), [id]);

  const update = (change: (d: Draft) => Draft) => {
    setDraft((d) => {
      if (!d) return d;
      const next = change(d);
      void saveDraft(next).then(() => setSaved(true));
      return next;
    });
  };

  const addFile = (itemKey: string, kind: 'photo' | 'audio', e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const type = file.type === 'audio/x-wav' ? 'audio/wav' : file.type === 'audio/x-m4a' ? 'audio/mp4' : file.type;
    if (!EVIDENCE_TYPES[kind].includes(type)) {
      setFileError(`${file.name}: ${EVIDENCE_TYPES[kind].join(', ')}`);
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES[kind]) {
      setFileError(t('am.fileTooBig', { name: file.name }));
      return;
    }
    setFileError(null);
    const entry: DraftFile = { localId: crypto.randomUUID(), kind, name: file.name, type, blob: file };
    update((d) => ({ ...d, files: { ...d.files, [itemKey]: [...(d.files[itemKey] ?? []), entry] } }));
  };

  const consent = (on: boolean) => {
    update((d) => ({ ...d, consent: on, position: on ? d.position : null }));
    setPositionNote(null);
    if (!on) return;
    if (!('geolocation' in navigator)) {
      setPositionNote(t('am.positionFailed', { message: '—' }));
      return;
    }
    setPositionNote(t('am.positionWaiting'));
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const position = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null };
        update((d) => (d.consent ? { ...d, position } : d));
        setPositionNote(null);
      },
      (err) => setPositionNote(t('am.positionFailed', { message: err.message })),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const submit = async () => {
    if (!draft || !definition) return;
    const missing = missingAnswers(definition, draft.answers as StoredAnswers);
    if (missing.length > 0) {
      const texts = new Map(checklistItems(definition).map((i) => [i.key, textIn(i.text, lang)]));
      setStatus({ kind: 'missing', items: missing.map((k) => texts.get(k) ?? k) });
      return;
    }
    const queued = { ...draft, queued: true, refused: null };
    setDraft(queued);
    await saveDraft(queued);
    setStatus(navigator.onLine ? { kind: 'sending', uploaded: 0, total: Object.values(queued.files).flat().length } : { kind: 'queued' });
    if (navigator.onLine) await flushQueue();
  };

  if (error && !items) return <ErrorMessage message={t('am.loadFailed', { message: error })} />;
  if (!items) return <Loading />;
  const back = <p><Link to="/app/my-audits">{t('am.back')}</Link></p>;
  if (!assignment || !definition) return <section className="auditor-page">{back}<ErrorMessage message={t('am.notFound')} /></section>;

  const outcome = sent ?? assignment.visit;
  const all = checklistItems(definition);
  const scored = all.filter((i) => i.answerType !== 'photo' && i.answerType !== 'comment').length;
  const answered = draft ? scored - missingAnswers(definition, draft.answers as StoredAnswers).length : 0;
  const locked = !!draft?.queued;
  const statusText = status.kind === 'sending'
    ? (status.total > 0 ? t('am.uploadProgress', { done: status.uploaded, total: status.total }) : t('am.sending'))
    : status.kind === 'queued' ? t('am.queued')
      : outcome ? (outcome.score === null ? t('am.sentNoScore') : t('am.sent', { score: outcome.autofail ? t('am.autofail') : pct(outcome.score) }))
        : null;

  return (
    <section className="auditor-page" data-testid="audit-visit">
      {back}
      <PageTitle title={assignment.location.name}><bdi>{assignment.location.name}</bdi></PageTitle>
      <p className="muted">{textIn(definition.name, lang)} · {t('am.wave', { name: `\u2068${assignment.wave.name}\u2069` })}{assignment.dueOn ? ` · ${t('am.due', { date: date(`${assignment.dueOn}T12:00:00`) })}` : ''}</p>
      {!online && <p className="auditor-offline" role="status">{t('am.offline')}</p>}
      <LiveStatus message={statusText} kind={status.kind === 'queued' ? 'info' : outcome ? 'success' : 'info'} />
      {status.kind === 'refused' && <ErrorMessage message={t('am.refused', { message: status.message })} />}
      {outcome && (
        <p className="card auditor-sent" data-testid="sent">
          <strong>{t('am.status.submitted')}</strong> <ScoreLine score={outcome.score} autofail={outcome.autofail} />
          {'sentAt' in outcome ? null : <> · {t('am.sentAt', { date: date(outcome.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</>}
        </p>
      )}
      {draft && !outcome && (
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-describedby="auditor-progress">
          <fieldset disabled={locked} className="auditor-form">
            <p id="auditor-progress" className="muted" data-testid="answered">{t('am.progress', { done: answered, total: scored })}{saved ? ` · ${t('am.savedLocally')}` : ''}</p>
            {definition.sections.map((section) => (
              <section key={section.key} className="auditor-section" aria-labelledby={`sec-${section.key}`}>
                <h2 id={`sec-${section.key}`}>{textIn(section.name, lang)} <small className="muted">({t('am.sectionItems', { n: section.items.length })})</small></h2>
                <ul className="auditor-items">
                  {section.items.map((item) => (
                    <ItemCard key={item.key} item={item} answer={draft.answers[item.key] ?? {}} files={draft.files[item.key] ?? []}
                      onAnswer={(a) => update((d) => ({ ...d, answers: { ...d.answers, [item.key]: a } }))}
                      onAddFile={(kind, e) => addFile(item.key, kind, e)}
                      onRemoveFile={(localId) => update((d) => ({ ...d, files: { ...d.files, [item.key]: (d.files[item.key] ?? []).filter((f) => f.localId !== localId) } }))} />
                  ))}
                </ul>
              </section>
            ))}
            <ErrorMessage message={fileError} />
            <section className="card auditor-visit-fields">
              <Field label={t('am.visitedAt')}>
                {(p) => <input {...p} type="datetime-local" required value={draft.visitedAt} onChange={(e) => update((d) => ({ ...d, visitedAt: e.target.value }))} />}
              </Field>
              <Field label={t('am.employee')} hint={t('am.employeeHint')}>
                {(p) => <input {...p} maxLength={200} value={draft.employeeLabel} onChange={(e) => update((d) => ({ ...d, employeeLabel: e.target.value }))} />}
              </Field>
              <Field label={t('am.notes')}>
                {(p) => <textarea {...p} rows={3} maxLength={20000} value={draft.notes} onChange={(e) => update((d) => ({ ...d, notes: e.target.value }))} />}
              </Field>
              <label className="auditor-consent">
                <input type="checkbox" checked={draft.consent} onChange={(e) => consent(e.target.checked)} aria-describedby="auditor-consent-hint" />
                {t('am.consent')}
              </label>
              <small id="auditor-consent-hint" className="muted">{t('am.consentHint')}</small>
              {draft.consent && draft.position && <p className="muted">{t('am.position', { m: Math.round(draft.position.accuracyM ?? 0) })}</p>}
              {positionNote && <p className="muted" role="status">{positionNote}</p>}
            </section>
            {status.kind === 'missing' && <ErrorMessage message={t('am.missing', { items: status.items.join('; ') })} />}
            <button type="submit" className="auditor-submit">{status.kind === 'sending' ? t('am.sending') : t('am.submit')}</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}
