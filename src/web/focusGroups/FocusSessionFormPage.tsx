/**
 * /app/staff/focus-groups/new and /app/staff/focus-groups/:id/edit: kind, title, date, location, moderator; the
 * participants by role and count (a name field only when the participants agreed to be named); the questions;
 * the notes with a character counter. Saving analyses the notes and opens the session; the server's message
 * names the field, and nothing typed is lost on an error.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { api, ApiError } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Field } from '../components/Field.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { nativeName, LANGUAGES } from '../../core/i18n/languages.ts';
import type { FocusKind, FocusSession, FocusSessionAnswer } from '../../core/api/focusSessions.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import './focusGroups.css';

/** The notes column's limit (migration 110). */
const MAX_NOTES = 100_000;
const KINDS: readonly FocusKind[] = ['focus_group', 'debrief'];

interface DraftParticipant { key: number; role: string; count: string; name: string }
interface Draft {
  kind: FocusKind;
  title: string;
  heldOn: string;
  locationId: string;
  moderator: string;
  namesAllowed: boolean;
  participants: DraftParticipant[];
  questions: { key: number; text: string }[];
  notes: string;
  language: string;
}

let nextKey = 1;
const newParticipant = (): DraftParticipant => ({ key: nextKey++, role: '', count: '1', name: '' });
const newQuestion = () => ({ key: nextKey++, text: '' });

/** A new session, held today by default: the organisation's today, not UTC's (docs/analytics.md "One clock"). */
const emptyDraft = (locationId: string, today: string): Draft => ({
  kind: 'focus_group', title: '', heldOn: today, locationId, moderator: '', namesAllowed: false,
  participants: [newParticipant()], questions: [newQuestion()], notes: '', language: '',
});

const draftOf = (s: FocusSession): Draft => ({
  kind: s.kind, title: s.title, heldOn: s.heldOn, locationId: s.location?.id ?? '', moderator: s.moderator, namesAllowed: s.namesAllowed,
  participants: s.participants.map((p) => ({ key: nextKey++, role: p.role, count: String(p.count), name: p.name ?? '' })),
  questions: s.questions.map((text) => ({ key: nextKey++, text })), notes: s.notes, language: s.language,
});

/** The request body: empty rows left out, counts as numbers, names only when allowed. */
const bodyOf = (d: Draft) => ({
  kind: d.kind, title: d.title, heldOn: d.heldOn, locationId: d.locationId || null, moderator: d.moderator, namesAllowed: d.namesAllowed,
  participants: d.participants.filter((p) => p.role.trim() || p.name.trim()).map((p) => ({
    role: p.role, count: Number(p.count), ...(d.namesAllowed && p.name.trim() ? { name: p.name } : {}),
  })),
  questions: d.questions.map((q) => q.text).filter((q) => q.trim()),
  notes: d.notes,
  language: d.language || null,
});

export function FocusSessionFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const loaded = useLoad<FocusSessionAnswer>(id ? `/focus-sessions/${id}` : null);
  const locations = useLoad<LocationsAnswer>('/locations');
  // A caller limited to locations records sessions at one of them (the API refuses a session without one).
  const restricted = !!me && me.locationPaths !== null;
  return (
    <div className="an-page">
      <PageTitle title={t(id ? 'fg.editTitle' : 'fg.newTitle')} />
      <Loadable state={locations} height={120}>
        {(locs) => id ? (
          <Loadable state={loaded} height={300}>{(data) => <SessionForm id={id} initial={draftOf(data.session)} locations={locs.locations} />}</Loadable>
        ) : <SessionForm initial={emptyDraft(restricted ? locs.locations[0]?.id ?? '' : '', orgToday(me?.org.timezone, new Date()))} locations={locs.locations} />}
      </Loadable>
    </div>
  );
}

function SessionForm({ id, initial, locations }: { id?: string; initial: Draft; locations: LocationsAnswer['locations'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setParticipant = (i: number, patch: Partial<DraftParticipant>) => setDraft((d) => ({ ...d, participants: d.participants.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const setQuestion = (i: number, text: string) => setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? { ...q, text } : q)) }));
  const errorFor = (field: string) => (error?.field === field ? error.text : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = id ? await api.put<FocusSessionAnswer>(`/focus-sessions/${id}`, bodyOf(draft)) : await api.post<FocusSessionAnswer>('/focus-sessions', bodyOf(draft));
      void navigate(`/app/staff/focus-groups/${saved.session.id}`);
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { field?: unknown } | undefined) : undefined;
      const field = typeof details?.field === 'string' ? details.field : null;
      setError({ text: err instanceof Error ? err.message : String(err), field });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="fg-form" data-testid="fg-form" noValidate>
      <section className="card">
        <Field label={t('fg.kind')}>
          {(p) => <select {...p} value={draft.kind} onChange={(e) => set({ kind: e.target.value as FocusKind })} data-testid="fg-kind">
            {KINDS.map((k) => <option key={k} value={k}>{t(`fg.kind.${k}` as MessageKey)}</option>)}
          </select>}
        </Field>
        <Field label={t('fg.field.title')} error={errorFor('title')}>
          {(p) => <input {...p} dir="auto" required value={draft.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} data-testid="fg-title" />}
        </Field>
        <Field label={t('fg.field.heldOn')} error={errorFor('heldOn')}>
          {(p) => <input {...p} type="date" required value={draft.heldOn} onChange={(e) => set({ heldOn: e.target.value })} data-testid="fg-held" />}
        </Field>
        <Field label={t('fg.location')} error={errorFor('locationId')}>
          {(p) => <select {...p} value={draft.locationId} onChange={(e) => set({ locationId: e.target.value })} data-testid="fg-location">
            <option value="">{t('fg.location.none')}</option>
            {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
          </select>}
        </Field>
        <Field label={t('fg.field.moderator')}>
          {(p) => <input {...p} dir="auto" value={draft.moderator} maxLength={200} onChange={(e) => set({ moderator: e.target.value })} data-testid="fg-moderator" />}
        </Field>
      </section>

      <fieldset className="card" data-testid="fg-participants">
        <legend>{t('fg.participants')}</legend>
        <p className="muted">{t('fg.participantsHint')}</p>
        <label className="fg-check">
          <input type="checkbox" checked={draft.namesAllowed} onChange={(e) => set({ namesAllowed: e.target.checked })} data-testid="fg-names-allowed" /> {t('fg.namesAllowed')}
        </label>
        {draft.participants.map((p, i) => (
          <div key={p.key} className="fg-row">
            <Field label={t('fg.role', { n: i + 1 })} error={errorFor(`participants.${i}.role`)}>
              {(c) => <input {...c} dir="auto" value={p.role} maxLength={100} onChange={(e) => setParticipant(i, { role: e.target.value })} data-testid={`fg-role-${i}`} />}
            </Field>
            <Field label={t('fg.count', { n: i + 1 })} className="fg-count" error={errorFor(`participants.${i}.count`)}>
              {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={1000} value={p.count} onChange={(e) => setParticipant(i, { count: e.target.value })} data-testid={`fg-count-${i}`} />}
            </Field>
            {draft.namesAllowed && (
              <Field label={t('fg.name', { n: i + 1 })} error={errorFor(`participants.${i}.name`)}>
                {(c) => <input {...c} dir="auto" value={p.name} maxLength={200} onChange={(e) => setParticipant(i, { name: e.target.value })} data-testid={`fg-name-${i}`} />}
              </Field>
            )}
            <button type="button" className="secondary" onClick={() => set({ participants: draft.participants.filter((_, j) => j !== i) })}>{t('fg.removeParticipant', { n: i + 1 })}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ participants: [...draft.participants, newParticipant()] })} data-testid="fg-add-participant">{t('fg.addParticipant')}</button>
      </fieldset>

      <fieldset className="card" data-testid="fg-questions">
        <legend>{t('fg.questions')}</legend>
        {draft.questions.map((q, i) => (
          <div key={q.key} className="fg-row">
            <Field label={t('fg.question', { n: i + 1 })} error={errorFor(`questions.${i}`)}>
              {(c) => <input {...c} dir="auto" value={q.text} maxLength={1000} onChange={(e) => setQuestion(i, e.target.value)} data-testid={`fg-question-${i}`} />}
            </Field>
            <button type="button" className="secondary" onClick={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}>{t('fg.removeQuestion', { n: i + 1 })}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ questions: [...draft.questions, newQuestion()] })}>{t('fg.addQuestion')}</button>
      </fieldset>

      <section className="card">
        <Field label={t('fg.notes')} hint={<>{t('fg.notesHint')} <span data-testid="fg-chars">{t('fg.chars', { n: draft.notes.length, max: MAX_NOTES })}</span></>} error={errorFor('notes')}>
          {(c) => <textarea {...c} dir="auto" value={draft.notes} maxLength={MAX_NOTES} onChange={(e) => set({ notes: e.target.value })} data-testid="fg-notes" />}
        </Field>
        <Field label={t('fg.field.language')}>
          {(c) => <select {...c} value={draft.language} onChange={(e) => set({ language: e.target.value })} data-testid="fg-language">
            <option value="">{t('fg.field.language.auto')}</option>
            {LANGUAGES.map((l) => <option key={l} value={l}>{nativeName(l)}</option>)}
          </select>}
        </Field>
      </section>

      <div className="fg-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="fg-save">{t('fg.save')}</button>
        <Link to={id ? `/app/staff/focus-groups/${id}` : '/app/staff/focus-groups'} className="button secondary">{t('fg.cancel')}</Link>
      </div>
      <LiveStatus message={error?.text ?? null} kind="error" />
    </form>
  );
}
