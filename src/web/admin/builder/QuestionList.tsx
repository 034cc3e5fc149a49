/** The ordered question list and the "add question" bar (new questions are appended at the end). */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { EmptyState } from '../../components/index.ts';
import { ADDABLE_TYPES, type AddableType } from './defaults.ts';
import { lastScoreKey } from './state.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { AddFromLibrary } from './LibraryDialog.tsx';
import type { SectionProps } from './props.ts';

export function QuestionList(props: SectionProps) {
  const { t } = useI18n();
  const { state, dispatch } = props;
  const { survey } = state;
  const [kind, setKind] = useState<AddableType>('rating');
  const [added, setAdded] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);
  const canWhy = lastScoreKey(survey.questions) !== undefined;

  // Focus the new question's text box so keyboard users continue where the question appeared.
  useEffect(() => {
    if (!added) return;
    const cards = listRef.current?.querySelectorAll<HTMLElement>('.question-card');
    cards?.[cards.length - 1]?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [added]);

  const add = () => {
    dispatch({ type: 'addQuestion', kind });
    setAdded((n) => n + 1);
  };
  return (
    <section className="builder-section" aria-labelledby="questions-h">
      <h2 id="questions-h">{t('builder.questions')}</h2>
      {survey.questions.length === 0 && (
        <EmptyState title={t('builder.noQuestions')}><p>{t('builder.noQuestionsHint')}</p></EmptyState>
      )}
      <ol className="question-list" ref={listRef}>
        {survey.questions.map((q, i) => (
          <QuestionCard key={state.uids[i] ?? q.key} index={i} question={q} {...props} />
        ))}
      </ol>
      <div className="toolbar add-question card" role="group" aria-label={t('builder.addQuestion')}>
        <label>
          {t('builder.questionType')}
          <select value={kind} onChange={(e) => setKind(e.target.value as AddableType)}>
            {ADDABLE_TYPES.map((k) => (
              <option key={k} value={k} disabled={k === 'why' && !canWhy}>{t(`qtype.${k}`)}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} disabled={kind === 'why' && !canWhy}>{t('builder.addQuestion')}</button>
        <AddFromLibrary state={state} dispatch={dispatch} onAdded={() => setAdded((n) => n + 1)} />
        {survey.status !== 'draft' && <small className="muted">{t('builder.appendNote')}</small>}
      </div>
    </section>
  );
}
