/**
 * /app/audits/quizzes/new and /app/audits/quizzes/:id/edit: name and topic, languages, status, and the
 * questions with their options (texts per language) and the correct ones marked. The server checks the
 * whole quiz (src/core/audits/quiz.ts) and its message names the place; nothing typed is lost on an error.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { api, ApiError } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Field } from '../components/Field.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { LANGUAGES, nativeName, type Language } from '../../core/i18n/languages.ts';
import type { QuizAnswer } from '../../core/api/quizzes.ts';
import { QUIZ_STATUSES, type QuizStatus } from '../../core/audits/quiz.ts';
import { definitionOf, draftOf, newQuestion, nextKey, type DraftQuestion, type Texts } from './quizForm.ts';
import './quizzes.css';

interface Draft {
  name: Texts;
  topic: string;
  languages: Language[];
  defaultLanguage: Language;
  status: QuizStatus;
  questions: DraftQuestion[];
}

const emptyDraft = (): Draft => ({ name: {}, topic: '', languages: ['en'], defaultLanguage: 'en', status: 'draft', questions: [newQuestion([])] });

export function QuizEditPage() {
  const { id } = useParams();
  const loaded = useLoad<QuizAnswer>(id ? `/quizzes/${id}` : null);
  const { t } = useI18n();
  return (
    <div className="an-page">
      <PageTitle title={t(id ? 'qz.editTitle' : 'qz.newTitle')} />
      {id ? (
        <Loadable state={loaded} height={300}>{(data) => <QuizForm id={id} initial={{
          name: data.quiz.name, topic: data.quiz.topic ?? '', languages: data.quiz.languages as Language[], defaultLanguage: data.quiz.defaultLanguage as Language,
          status: data.quiz.status, questions: draftOf(data.quiz.definition),
        }} />}</Loadable>
      ) : <QuizForm initial={emptyDraft()} />}
    </div>
  );
}

function QuizForm({ id, initial }: { id?: string; initial: Draft }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setQuestion = (i: number, change: (q: DraftQuestion) => DraftQuestion) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? change(q) : q)) }));
  const toggleLanguage = (lang: Language, on: boolean) => setDraft((d) => {
    const languages = LANGUAGES.filter((l) => (l === lang ? on : d.languages.includes(l)));
    if (languages.length === 0) return d;
    return { ...d, languages, defaultLanguage: languages.includes(d.defaultLanguage) ? d.defaultLanguage : languages[0] };
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const body = {
      name: Object.fromEntries(draft.languages.map((l) => [l, draft.name[l] ?? ''])),
      topic: draft.topic.trim() || null, languages: draft.languages, defaultLanguage: draft.defaultLanguage, status: draft.status,
      definition: definitionOf(draft.questions),
    };
    try {
      const saved = id ? await api.patch<QuizAnswer>(`/quizzes/${id}`, body) : await api.post<QuizAnswer>('/quizzes', body);
      setMessage({ text: t('qz.saved'), kind: 'success' });
      if (!id) void navigate(`/app/audits/quizzes/${saved.quiz.id}`);
    } catch (err) {
      setMessage({ text: err instanceof ApiError || err instanceof Error ? err.message : String(err), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const langLabel = (l: Language) => nativeName(l);
  return (
    <form onSubmit={submit} className="qz-form" data-testid="qz-form" noValidate>
      <section className="card">
        {draft.languages.map((l) => (
          <Field key={l} label={t('qz.name', { lang: langLabel(l) })}>
            {(p) => <input {...p} lang={l} dir="auto" value={draft.name[l] ?? ''} maxLength={200} onChange={(e) => set({ name: { ...draft.name, [l]: e.target.value } })} />}
          </Field>
        ))}
        <Field label={t('qz.topic')} hint={t('qz.topicHint')}>
          {(p) => <input {...p} dir="auto" value={draft.topic} maxLength={100} onChange={(e) => set({ topic: e.target.value })} />}
        </Field>
        <fieldset className="qz-langs">
          <legend>{t('qz.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l}><input type="checkbox" checked={draft.languages.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} /> {langLabel(l)}</label>
          ))}
        </fieldset>
        <Field label={t('qz.defaultLanguage')}>
          {(p) => <select {...p} value={draft.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.target.value as Language })}>
            {draft.languages.map((l) => <option key={l} value={l}>{langLabel(l)}</option>)}
          </select>}
        </Field>
        <Field label={t('qz.status')} hint={t('qz.statusHint')}>
          {(p) => <select {...p} value={draft.status} data-testid="qz-status" onChange={(e) => set({ status: e.target.value as QuizStatus })}>
            {QUIZ_STATUSES.map((s) => <option key={s} value={s}>{t(`qz.status.${s}`)}</option>)}
          </select>}
        </Field>
      </section>
      <p className="muted">{t('qz.multipleHint')}</p>
      {draft.questions.map((q, i) => (
        <fieldset key={q.key} className="card qz-question" data-testid={`qz-q-${i}`}>
          <legend>{t('qz.question', { n: i + 1 })}</legend>
          {draft.languages.map((l) => (
            <Field key={l} label={t('qz.questionText', { lang: langLabel(l) })}>
              {(p) => <input {...p} lang={l} dir="auto" value={q.text[l] ?? ''} maxLength={1000} onChange={(e) => setQuestion(i, (x) => ({ ...x, text: { ...x.text, [l]: e.target.value } }))} />}
            </Field>
          ))}
          <Field label={t('qz.topic')}>
            {(p) => <input {...p} dir="auto" value={q.topic} maxLength={100} onChange={(e) => setQuestion(i, (x) => ({ ...x, topic: e.target.value }))} />}
          </Field>
          <ol className="qz-options">
            {q.options.map((o, j) => (
              <li key={o.key} className="qz-option">
                {draft.languages.map((l) => (
                  <Field key={l} label={t('qz.option', { n: j + 1, lang: langLabel(l) })}>
                    {(p) => <input {...p} lang={l} dir="auto" value={o.text[l] ?? ''} maxLength={1000}
                      onChange={(e) => setQuestion(i, (x) => ({ ...x, options: x.options.map((y, k) => (k === j ? { ...y, text: { ...y.text, [l]: e.target.value } } : y)) }))} />}
                  </Field>
                ))}
                <label className="qz-correct"><input type="checkbox" checked={o.correct}
                  onChange={(e) => setQuestion(i, (x) => ({ ...x, options: x.options.map((y, k) => (k === j ? { ...y, correct: e.target.checked } : y)) }))} /> {t('qz.correct')}</label>
                {q.options.length > 2 && (
                  <button type="button" className="secondary" onClick={() => setQuestion(i, (x) => ({ ...x, options: x.options.filter((_, k) => k !== j) }))}>
                    {t('qz.removeOption', { n: j + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <div className="row">
            <button type="button" className="secondary" onClick={() => setQuestion(i, (x) => ({ ...x, options: [...x.options, { key: nextKey('a', x.options.map((y) => y.key)), text: {}, correct: false }] }))}>{t('qz.addOption')}</button>
            {draft.questions.length > 1 && (
              <button type="button" className="secondary" onClick={() => set({ questions: draft.questions.filter((_, k) => k !== i) })}>{t('qz.removeQuestion', { n: i + 1 })}</button>
            )}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" className="secondary" onClick={() => set({ questions: [...draft.questions, newQuestion(draft.questions.map((q) => q.key))] })}>{t('qz.addQuestion')}</button>
        <button type="submit" className="primary" disabled={busy} data-testid="qz-save">{t('qz.save')}</button>
        {id && <Link to={`/app/audits/quizzes/${id}`} className="button secondary">{t('qz.results')}</Link>}
      </div>
      <LiveStatus message={message?.text ?? null} kind={message?.kind} />
    </form>
  );
}
