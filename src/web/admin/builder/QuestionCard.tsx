/** One question in the builder: its text in the active language, key, required flag, settings, order. */
import { useRef } from 'react';
import { SCORE_GROUPS, type QuestionDef } from '../../../core/surveys/types.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import { isArchived, isLocked, setLocalized } from './state.ts';
import { type SectionProps } from './props.ts';
import { directionOf } from '../../../core/i18n/languages.ts';
import { ScaleSettings, ChoicesEditor, RowsEditor, NumberRangeSettings } from './QuestionSettings.tsx';
import { JumpEditor, ShowIfEditor } from './ShowIfEditor.tsx';
import { SaveToLibrary } from './LibraryDialog.tsx';

export function QuestionCard(props: SectionProps & { index: number; question: QuestionDef }) {
  const { t } = useI18n();
  const { state, dispatch, errorFor, index, question: q } = props;
  const { survey, activeLang } = state;
  const locked = isLocked(survey, q);
  const archived = isArchived(q);
  const at = `questions.${index}`;
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const update = (patch: Partial<QuestionDef>) => dispatch({ type: 'updateQuestion', index, patch });
  const move = (delta: -1 | 1) => {
    dispatch({ type: 'moveQuestion', index, delta });
    // Keep focus on the control the user pressed, now at the question's new place.
    requestAnimationFrame(() => {
      const target = delta === -1 ? upRef.current : downRef.current;
      (target && !target.disabled ? target : delta === -1 ? downRef.current : upRef.current)?.focus();
    });
  };
  const why = q.followsQuestionKey !== undefined;
  const typeLabel = t(`qtype.${why ? 'why' : q.type}`);
  const headingId = `q-${index}-h`;
  const scoreQuestions = survey.questions.slice(0, index).filter((x) => (x.type === 'nps' || x.type === 'rating') && !isArchived(x));
  const dir = directionOf(activeLang);
  const cardError = errorFor(at, true);

  return (
    <li className={`question-card card${archived ? ' archived' : ''}`} aria-labelledby={headingId}>
      <div className="question-head">
        <h3 id={headingId}>
          {t('builder.questionN', { n: index + 1 })} · {typeLabel}
          {locked && <span className="badge">{t('builder.locked')}</span>}
          {archived && <span className="badge">{t('builder.archived')}</span>}
        </h3>
        <div className="question-tools" role="group" aria-label={t('builder.questionTools', { n: index + 1 })}>
          <button ref={upRef} type="button" className="secondary" disabled={index === 0} onClick={() => move(-1)} aria-label={t('builder.moveUpN', { n: index + 1 })}>{t('builder.moveUp')}</button>
          <button ref={downRef} type="button" className="secondary" disabled={index === survey.questions.length - 1} onClick={() => move(1)} aria-label={t('builder.moveDownN', { n: index + 1 })}>{t('builder.moveDown')}</button>
          {!archived && !why && <SaveToLibrary question={q} index={index} />}
          {archived ? (
            <button type="button" className="secondary" onClick={() => dispatch({ type: 'restoreQuestion', index })}>{t('builder.restore')}</button>
          ) : (
            <button type="button" className="danger" onClick={() => dispatch({ type: 'removeQuestion', index })} aria-label={t(locked ? 'builder.archiveN' : 'builder.deleteN', { n: index + 1 })}>
              {t(locked ? 'builder.archive' : 'builder.delete')}
            </button>
          )}
        </div>
      </div>
      {cardError && <p className="error" role="alert">{cardError}</p>}
      {archived ? (
        <p className="muted" lang={activeLang} dir={dir}>{q.text[activeLang] ?? q.text[survey.defaultLanguage] ?? q.key}</p>
      ) : (
        <>
          {!why && (
            <Field label={t('builder.questionText')} error={errorFor(`${at}.text`)}>
              {(p) => (
                <textarea {...p} rows={2} dir={dir} lang={activeLang} value={q.text[activeLang] ?? ''} placeholder={q.text[survey.defaultLanguage] ?? ''}
                  onChange={(e) => update({ text: setLocalized(q.text, activeLang, e.target.value) })} />
              )}
            </Field>
          )}
          {why && (
            <fieldset className="inline-fieldset column">
              <legend>{t('builder.whyWordings')}</legend>
              <Field label={t('builder.follows')} error={errorFor(`${at}.followsQuestionKey`)}>
                {(p) => (
                  <select {...p} value={q.followsQuestionKey ?? ''} onChange={(e) => update({ followsQuestionKey: e.target.value })}>
                    <option value="">{t('builder.choose')}</option>
                    {scoreQuestions.map((x) => <option key={x.key} value={x.key}>{x.key}</option>)}
                  </select>
                )}
              </Field>
              {SCORE_GROUPS.map((g) => (
                <Field key={g} label={t(`group.${g}`)} error={errorFor(`${at}.whyTexts.${g}`)}>
                  {(p) => (
                    <input {...p} dir={dir} lang={activeLang} value={q.whyTexts?.[g]?.[activeLang] ?? ''}
                      onChange={(e) => {
                        const whyTexts = { ...q.whyTexts, [g]: setLocalized(q.whyTexts?.[g], activeLang, e.target.value) };
                        // The passive wording doubles as the plain text for channels that cannot branch.
                        update(g === 'passive' ? { whyTexts, text: setLocalized(q.text, activeLang, e.target.value) } : { whyTexts });
                      }} />
                  )}
                </Field>
              ))}
            </fieldset>
          )}
          <div className="row">
            <label className="check">
              <input type="checkbox" checked={q.required} onChange={(e) => update({ required: e.target.checked })} />
              {t('builder.required')}
            </label>
            <Field label={t('builder.key')} hint={locked ? t('builder.keyLocked') : t('builder.keyHint')} error={errorFor(`${at}.key`)}>
              {(p) => (
                <input {...p} dir="ltr" className="key-input" value={q.key} readOnly={locked} maxLength={60}
                  onChange={(e) => dispatch({ type: 'renameKey', index, key: e.target.value })} />
              )}
            </Field>
          </div>
          {(q.type === 'nps' || q.type === 'rating' || q.type === 'matrix') && <ScaleSettings {...props} locked={locked} update={update} />}
          {q.type === 'matrix' && <RowsEditor {...props} locked={locked} update={update} />}
          {(q.type === 'single' || q.type === 'multi' || q.type === 'ranking') && <ChoicesEditor {...props} locked={locked} update={update} />}
          {q.type === 'ranking' && <p className="muted">{t('builder.rankingHint')}</p>}
          {q.type === 'number' && <NumberRangeSettings {...props} locked={locked} update={update} />}
          {q.type === 'consent' && <p className="muted">{t('builder.consentHint')}</p>}
          {(q.type === 'email' || q.type === 'phone') && <p className="muted">{t('builder.personalData')}</p>}
          {index > 0 && <ShowIfEditor {...props} update={update} />}
          <JumpEditor {...props} update={update} />
        </>
      )}
    </li>
  );
}
