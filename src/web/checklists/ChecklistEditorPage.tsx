/**
 * /app/audits/checklists/:id: the checklist editor (docs/audits.md "Checklists"). Sections and items with
 * texts in en / ru / fa, points, answer type, pass rule, critical flag, standard and evidence; live possible
 * points; the parser's first problem shown at its field before saving (the same parser as the server's);
 * Save replaces the current version or, once visits used it, creates a new one and says so; a guard
 * against leaving with unsaved changes; export; the version history with a read-only view of each version.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ConfirmButton, ErrorMessage, Field, LiveStatus, Loading, PageTitle, useLoad } from '../components/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ANSWER_TYPES, EVIDENCE_KINDS, PASS_OPERATORS, STANDARD_KEYS, textIn, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import { LANGUAGES, nativeName, type Language } from '../../core/i18n/languages.ts';
import type { ChecklistAnswer, ChecklistSaveAnswer } from '../../core/api/checklists.ts';
import { CHECKLIST_CHANNELS, type ChecklistChannel } from '../../core/audits/checklist.ts';
import {
  checkDraft, draftOf, isScored, toChecklistJson, moved, newItem, newSection, sectionPoints, totalPoints, type Draft, type DraftItem, type DraftSection, type Texts,
} from './draft.ts';
import './checklists.css';

const CUSTOM = '__custom';
const KNOWN_STANDARDS: readonly string[] = STANDARD_KEYS;

export function ChecklistEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useLoad<ChecklistAnswer>(`/checklists/${encodeURIComponent(id)}`);
  if (loaded.error) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <section>
        <PageTitle title={t('ck.title')} />
        <ErrorMessage message={missing ? t('ck.notFound') : loaded.error.message} />
        <Link to="/app/audits/checklists">{t('ck.back')}</Link>
      </section>
    );
  }
  if (!loaded.data) return <Loading />;
  return <Editor initial={loaded.data} />;
}

interface Problem { path: string; message: string }

function Editor({ initial }: { initial: ChecklistAnswer }) {
  const { t, lang, date } = useI18n();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial.definition));
  const [name, setName] = useState(initial.checklist.name);
  const [channel, setChannel] = useState<ChecklistChannel>(initial.checklist.channel);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; kind: 'info' | 'success' | 'error' } | null>(null);
  const [serverProblem, setServerProblem] = useState<Problem | null>(null);
  const [customStandards, setCustomStandards] = useState<Set<string>>(() => new Set(
    draft.sections.flatMap((s) => s.items).filter((i) => i.standard && !KNOWN_STANDARDS.includes(i.standard)).map((i) => i.uid),
  ));
  const [viewing, setViewing] = useState<ChecklistAnswer | null>(null);
  const [focusTick, setFocusTick] = useState(0);

  const check = useMemo(() => checkDraft(draft), [draft]);
  const problem: Problem | null = serverProblem ?? (dirty && check ? { path: check.path, message: check.problem } : null);

  // Unsaved changes: the browser asks before closing or reloading the tab...
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // ...and the dashboard asks before following a link away.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  // After a refused save, the first field in error gets the focus.
  useEffect(() => {
    if (focusTick === 0) return;
    document.querySelector<HTMLElement>('.ck-editor [aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const change = (fn: (d: Draft) => Draft) => {
    setDraft(fn);
    setDirty(true);
    setServerProblem(null);
  };
  const setSection = (si: number, fn: (s: DraftSection) => DraftSection) =>
    change((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? fn(s) : s)) }));
  const setItem = (si: number, ii: number, patch: Partial<DraftItem>) =>
    setSection(si, (s) => ({ ...s, items: s.items.map((item, j) => (j === ii ? { ...item, ...patch } : item)) }));

  /** The message for the field at `path` (for a text: the language's own path; the whole text's at English). */
  const errorAt = (path: string, language?: Language): string | null => {
    if (!problem) return null;
    if (problem.path === path) return language === undefined || language === 'en' ? problem.message : null;
    if (language && problem.path === `${path}.${language}`) return problem.message;
    return null;
  };

  const save = async () => {
    setServerProblem(null);
    if (!name.trim()) {
      setServerProblem({ path: 'checklistName', message: t('ck.nameMissing') });
      setStatus({ text: t('ck.fixFirst', { field: t('ck.name'), problem: t('ck.nameMissing') }), kind: 'error' });
      setFocusTick((n) => n + 1);
      return;
    }
    if (check) {
      setDirty(true);
      setStatus({ text: t('ck.fixFirst', { field: check.path, problem: check.problem }), kind: 'error' });
      setFocusTick((n) => n + 1);
      return;
    }
    setSaving(true);
    setStatus({ text: t('ck.saving'), kind: 'info' });
    try {
      const answer = await api.put<ChecklistSaveAnswer>(`/checklists/${saved.checklist.id}`, { name, channel, definition: toChecklistJson(draft) });
      setSaved(answer);
      setDraft(draftOf(answer.definition));
      setName(answer.checklist.name);
      setChannel(answer.checklist.channel);
      setDirty(false);
      const text = answer.saved === 'new_version' ? t('ck.savedNewVersion', { version: answer.version })
        : answer.saved === 'replace' ? t('ck.savedInPlace', { version: answer.version })
          : answer.saved === 'unchanged' ? t('ck.unchanged') : t('ck.savedDetails');
      setStatus({ text, kind: 'success' });
    } catch (err) {
      const e = err as ApiError;
      const details = (e.details ?? {}) as { path?: string; field?: string };
      const path = details.path ?? (details.field?.replace(/^definition\./, '') || null);
      if (path) {
        setServerProblem({ path, message: e.message.replace(/^definition\./, '').replace(`${path}: `, '') });
        setFocusTick((n) => n + 1);
      }
      setStatus({ text: t('ck.failed', { message: e.message }), kind: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const view = async (version: number) => {
    try {
      setViewing(await api.get<ChecklistAnswer>(`/checklists/${saved.checklist.id}/versions/${version}`));
    } catch (err) {
      setStatus({ text: (err as Error).message, kind: 'error' });
    }
  };

  const total = totalPoints(draft);

  return (
    <div className="ck-page ck-editor" data-testid="ck-editor">
      <Link to="/app/audits/checklists">{t('ck.back')}</Link>
      <PageTitle title={saved.checklist.name}><bdi>{saved.checklist.name}</bdi></PageTitle>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <fieldset className="card ck-details">
          <legend>{t('ck.details')}</legend>
          <div className="ck-row">
            <Field label={t('ck.name')} error={errorAt('checklistName')}>{(p) => <input {...p} value={name} maxLength={200} onChange={(e) => { setName(e.currentTarget.value); setDirty(true); }} data-testid="ck-name" />}</Field>
            <Field label={t('ck.channel')}>
              {(p) => (
                <select {...p} value={channel} onChange={(e) => { setChannel(e.currentTarget.value as ChecklistChannel); setDirty(true); }}>
                  {CHECKLIST_CHANNELS.map((c) => <option key={c} value={c}>{t(`ck.channel.${c}`)}</option>)}
                </select>
              )}
            </Field>
          </div>
          <LanguageInputs label={(language) => t('ck.titleIn', { language })} texts={draft.name} error={(l) => errorAt('name', l)} testId="ck-title"
            onChange={(l, v) => change((d) => ({ ...d, name: { ...d.name, [l]: v } }))} />
        </fieldset>

        {draft.sections.map((section, si) => (
          <fieldset key={section.uid} className="card ck-section" data-testid="ck-section">
            <legend>{t('ck.sectionLegend', { n: si + 1, name: section.name[lang] || section.name.en || section.key })}</legend>
            <div className="ck-row">
              <Field label={t('ck.sectionKey')} error={errorAt(`sections[${si}].key`)}>
                {(p) => <input {...p} value={section.key} onChange={(e) => { const v = e.currentTarget.value; setSection(si, (s) => ({ ...s, key: v })); }} />}
              </Field>
              <div className="ck-tools">
                <button type="button" className="secondary" disabled={si === 0} aria-label={t('ck.sectionUp', { n: si + 1 })} onClick={() => change((d) => ({ ...d, sections: moved(d.sections, si, -1) }))}>↑ {t('ck.up')}</button>
                <button type="button" className="secondary" disabled={si === draft.sections.length - 1} aria-label={t('ck.sectionDown', { n: si + 1 })} onClick={() => change((d) => ({ ...d, sections: moved(d.sections, si, 1) }))}>↓ {t('ck.down')}</button>
                <ConfirmButton label={t('ck.deleteSection')} question={t('ck.deleteSectionQuestion', { n: si + 1 })} onConfirm={() => change((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== si) }))} />
              </div>
            </div>
            <LanguageInputs label={(language) => t('ck.sectionName', { language })} texts={section.name} error={(l) => errorAt(`sections[${si}].name`, l)}
              onChange={(l, v) => setSection(si, (s) => ({ ...s, name: { ...s.name, [l]: v } }))} />
            {problem && (problem.path === `sections[${si}].items` || problem.path === 'sections') && <p className="error field-error">{problem.message}</p>}

            {section.items.map((item, ii) => {
              const base = `sections[${si}].items[${ii}]`;
              const scored = isScored(item.answerType);
              // An own standard key (not one of the known standards), or "Other" just chosen and not typed yet.
              const custom = customStandards.has(item.uid) || (item.standard !== '' && !KNOWN_STANDARDS.includes(item.standard));
              return (
                <fieldset key={item.uid} className="ck-item" data-testid="ck-item">
                  <legend>{t('ck.itemLegend', { n: ii + 1 })}{item.critical && scored ? ` · ${t('ck.critical.short')}` : ''}</legend>
                  <LanguageInputs label={(language) => t('ck.itemText', { language })} texts={item.text} error={(l) => errorAt(`${base}.text`, l)} testId="ck-item-text"
                    onChange={(l, v) => setItem(si, ii, { text: { ...item.text, [l]: v } })} />
                  <div className="ck-row">
                    <Field label={t('ck.answerType')} error={errorAt(`${base}.answerType`)}>
                      {(p) => (
                        <select {...p} value={item.answerType} data-testid="ck-answer-type"
                          onChange={(e) => { const v = e.currentTarget.value as DraftItem['answerType']; setItem(si, ii, { answerType: v, ...(isScored(v) ? {} : { critical: false }) }); }}>
                          {ANSWER_TYPES.map((a) => <option key={a} value={a}>{t(`ck.answer.${a}`)}</option>)}
                        </select>
                      )}
                    </Field>
                    <Field label={t('ck.points')} error={errorAt(`${base}.points`)}>
                      {(p) => <input {...p} inputMode="decimal" value={scored ? item.points : '0'} disabled={!scored} data-testid="ck-points" onChange={(e) => setItem(si, ii, { points: e.currentTarget.value })} />}
                    </Field>
                    <Field label={t('ck.itemKey')} hint={t('ck.itemKeyHint')} error={errorAt(`${base}.key`)}>
                      {(p) => <input {...p} value={item.key} dir="ltr" onChange={(e) => setItem(si, ii, { key: e.currentTarget.value })} />}
                    </Field>
                  </div>
                  {item.answerType === 'number' && (
                    <div className="ck-row">
                      <Field label={t('ck.passOp')} error={errorAt(`${base}.passRule.op`)}>
                        {(p) => (
                          <select {...p} value={item.passOp} onChange={(e) => setItem(si, ii, { passOp: e.currentTarget.value as DraftItem['passOp'] })}>
                            {PASS_OPERATORS.map((o) => <option key={o} value={o}>{t(`ck.op.${o}`)}</option>)}
                          </select>
                        )}
                      </Field>
                      <Field label={t('ck.passValue')} error={errorAt(`${base}.passRule.value`) ?? errorAt(`${base}.passRule`)}>
                        {(p) => <input {...p} inputMode="decimal" value={item.passValue} onChange={(e) => setItem(si, ii, { passValue: e.currentTarget.value })} />}
                      </Field>
                      <Field label={t('ck.passUnit')}>
                        {(p) => <input {...p} value={item.passUnit} maxLength={40} onChange={(e) => setItem(si, ii, { passUnit: e.currentTarget.value })} />}
                      </Field>
                    </div>
                  )}
                  <div className="ck-row">
                    <Field label={t('ck.standard')} error={custom ? null : errorAt(`${base}.standard`)}>
                      {(p) => (
                        <select {...p} value={custom ? CUSTOM : item.standard}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setCustomStandards((set) => { const next = new Set(set); if (v === CUSTOM) next.add(item.uid); else next.delete(item.uid); return next; });
                            setItem(si, ii, { standard: v === CUSTOM ? '' : v });
                          }}>
                          <option value="">{t('ck.standardNone')}</option>
                          {STANDARD_KEYS.map((k) => <option key={k} value={k}>{t(`ck.std.${k}`)}</option>)}
                          <option value={CUSTOM}>{t('ck.standardCustom')}</option>
                        </select>
                      )}
                    </Field>
                    {custom && (
                      <Field label={t('ck.standardKey')} error={errorAt(`${base}.standard`)}>
                        {(p) => <input {...p} value={item.standard} dir="ltr" onChange={(e) => setItem(si, ii, { standard: e.currentTarget.value })} />}
                      </Field>
                    )}
                    <Field label={t('ck.evidence')} error={errorAt(`${base}.evidence`)}>
                      {(p) => (
                        <select {...p} value={item.evidence} onChange={(e) => setItem(si, ii, { evidence: e.currentTarget.value as DraftItem['evidence'] })}>
                          {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{t(`ck.evidence.${k}`)}</option>)}
                        </select>
                      )}
                    </Field>
                  </div>
                  <label className="ck-check">
                    <input type="checkbox" checked={item.critical && scored} disabled={!scored} onChange={(e) => setItem(si, ii, { critical: e.currentTarget.checked })} />
                    {t('ck.critical')}
                  </label>
                  {errorAt(`${base}.critical`) && <p className="error field-error">{errorAt(`${base}.critical`)}</p>}
                  <div className="ck-tools">
                    <button type="button" className="secondary" disabled={ii === 0} aria-label={t('ck.itemUp', { n: ii + 1 })} onClick={() => setSection(si, (s) => ({ ...s, items: moved(s.items, ii, -1) }))}>↑ {t('ck.up')}</button>
                    <button type="button" className="secondary" disabled={ii === section.items.length - 1} aria-label={t('ck.itemDown', { n: ii + 1 })} onClick={() => setSection(si, (s) => ({ ...s, items: moved(s.items, ii, 1) }))}>↓ {t('ck.down')}</button>
                    <ConfirmButton label={t('ck.deleteItem')} question={t('ck.deleteItemQuestion', { n: ii + 1 })} onConfirm={() => setSection(si, (s) => ({ ...s, items: s.items.filter((_, j) => j !== ii) }))} />
                  </div>
                </fieldset>
              );
            })}
            <div className="ck-section-foot">
              <button type="button" className="secondary" onClick={() => change((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, items: [...s.items, newItem(d)] } : s)) }))}>{t('ck.addItem')}</button>
              <p className="ck-points" data-testid="ck-section-points">{t('ck.sectionPoints', { points: sectionPoints(section) })}</p>
            </div>
          </fieldset>
        ))}

        <div className="ck-actions card">
          <button type="button" className="secondary" onClick={() => change((d) => ({ ...d, sections: [...d.sections, newSection(d)] }))}>{t('ck.addSection')}</button>
          {problem?.path === 'sections' && <p className="error field-error">{problem.message}</p>}
          <p className="ck-points" data-testid="ck-total-points">{t('ck.totalPoints', { points: total })}</p>
          <button type="submit" className="primary" disabled={saving} data-testid="ck-save">{saving ? t('ck.saving') : t('ck.save')}</button>
          <a className="button secondary" href={`/api/v1/checklists/${saved.checklist.id}/export`} download data-testid="ck-export">{t('ck.export')}</a>
        </div>
        <LiveStatus message={status?.text ?? null} kind={status?.kind} />
      </form>

      <section className="card ck-versions" aria-labelledby="ck-versions-title">
        <h2 id="ck-versions-title">{t('ck.versions')}</h2>
        <ul data-testid="ck-versions">
          {saved.versions.map((v) => (
            <li key={v.version}>
              <span>{t('ck.versionRow', { version: v.version, date: date(v.createdAt), visits: v.visitsCount })}</span>
              {v.version === saved.checklist.version
                ? <> <span className="badge">{t('ck.current')}</span></>
                : <button type="button" className="secondary" onClick={() => view(v.version)}>{t('ck.view', { version: v.version })}</button>}
            </li>
          ))}
        </ul>
        {viewing && (
          <div className="ck-view" data-testid="ck-version-view">
            <h3>{t('ck.viewing', { version: viewing.version })}</h3>
            <ReadOnlyChecklist definition={viewing.definition} />
            <button type="button" className="secondary" onClick={() => setViewing(null)}>{t('ck.closeView')}</button>
          </div>
        )}
      </section>

      <ConfirmDialog open={blocker.state === 'blocked'} title={t('life.unsavedTitle')} confirmLabel={t('life.unsavedLeave')} cancelLabel={t('life.unsavedStay')} danger
        onConfirm={() => blocker.proceed?.()} onCancel={() => blocker.reset?.()}>
        <p>{t('life.unsavedText')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** One input per language, side by side (stacked on a phone); the Persian one right to left. */
function LanguageInputs({ label, texts, error, onChange, testId }: {
  label: (language: string) => string;
  texts: Texts;
  error: (lang: Language) => string | null;
  onChange: (lang: Language, value: string) => void;
  testId?: string;
}) {
  return (
    <div className="ck-langs">
      {LANGUAGES.map((l) => (
        <Field key={l} label={label(nativeName(l))} error={error(l)}>
          {(p) => <input {...p} lang={l} dir={l === 'fa' ? 'rtl' : 'ltr'} value={texts[l]} maxLength={2000} data-testid={testId ? `${testId}-${l}` : undefined} onChange={(e) => onChange(l, e.currentTarget.value)} />}
        </Field>
      ))}
    </div>
  );
}

/** An older version as it was: sections and items with points, answer type and flags. */
function ReadOnlyChecklist({ definition }: { definition: ChecklistDefinition }) {
  const { t, lang } = useI18n();
  return (
    <ol className="ck-readonly">
      {definition.sections.map((s) => (
        <li key={s.key}>
          <strong><bdi>{textIn(s.name, lang)}</bdi></strong>
          <ul>
            {s.items.map((i) => (
              <li key={i.key}>
                <bdi>{textIn(i.text, lang)}</bdi>{' · '}{t('ck.pointsShort', { points: i.points })}{' · '}{t(`ck.answer.${i.answerType}`)}
                {i.critical ? ` · ${t('ck.critical.short')}` : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
