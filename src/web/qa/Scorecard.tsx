/**
 * A scorecard to fill (a checklist's scored items, docs/audits.md): per item yes / no (/ N/A) or points, with an optional
 * comment; the answers come back in the stored-answer form (src/core/audits/answers.ts) for POST /qa/reviews and calibration scorings.
 */
import { useId } from 'react';
import { checklistItems, textIn, type ChecklistDefinition, type ChecklistItem } from '../../core/audits/checklist.ts';
import type { StoredAnswers } from '../../core/audits/answers.ts';
import { useI18n } from '../i18n.tsx';

/** The scored items still without an answer (what the form asks for before it is sent). */
export function unansweredItems(definition: ChecklistDefinition, answers: StoredAnswers): string[] {
  return checklistItems(definition).filter((i) => i.answerType !== 'photo' && i.answerType !== 'comment' && answers[i.key]?.value === undefined && answers[i.key]?.measured === undefined).map((i) => i.key);
}

function ItemField({ item, value, onChange, name }: { item: ChecklistItem; value: StoredAnswers[string] | undefined; onChange: (v: StoredAnswers[string]) => void; name: string }) {
  const { t, lang } = useI18n();
  const choices: ('yes' | 'no' | 'na')[] = item.answerType === 'yes_no' ? ['yes', 'no'] : ['yes', 'no', 'na'];
  return (
    <fieldset className="qa-item" data-item={item.key}>
      <legend>
        <bdi>{textIn(item.text, lang)}</bdi> <span className="muted">({item.points})</span>
        {item.critical && <> <span className="qa-badge qa-below">{t('qa.item.critical')}</span></>}
      </legend>
      {item.answerType === 'number' ? (
        <div className="qa-choices">
          <label>
            {item.passRule?.unit ?? '#'}
            <input
              type="number" className="qa-points" step="any" inputMode="decimal" name={name}
              value={value?.measured ?? ''}
              onChange={(e) => onChange({ measured: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
          </label>
        </div>
      ) : item.answerType === 'scale' ? (
        <div className="qa-choices">
          <label>
            {t('qa.item.points', { max: item.points })}
            <input
              type="number" className="qa-points" min={0} max={item.points} step={1} inputMode="numeric" name={name}
              value={typeof value?.value === 'number' ? value.value : ''}
              onChange={(e) => onChange({ ...value, value: e.target.value === '' ? undefined : Math.max(0, Math.min(item.points, Number(e.target.value))) })}
            />
          </label>
          <label><input type="checkbox" checked={value?.value === 'na'} onChange={(e) => onChange({ ...value, value: e.target.checked ? 'na' : undefined })} />{t('qa.item.na')}</label>
        </div>
      ) : (
        <div className="qa-choices">
          {choices.map((c) => (
            <label key={c}>
              <input type="radio" name={name} value={c} checked={value?.value === c} onChange={() => onChange({ ...value, value: c })} />
              {t(`qa.item.${c}`)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function Scorecard({ definition, answers, onChange }: { definition: ChecklistDefinition; answers: StoredAnswers; onChange: (a: StoredAnswers) => void }) {
  const { lang } = useI18n();
  const prefix = useId();
  const scored = (i: ChecklistItem) => i.answerType !== 'photo' && i.answerType !== 'comment';
  return (
    <div data-testid="qa-scorecard">
      {definition.sections.map((s) => (
        <fieldset key={s.key} className="qa-section">
          <legend><bdi>{textIn(s.name, lang)}</bdi></legend>
          {s.items.filter(scored).map((item) => (
            <ItemField
              key={item.key} item={item} name={`${prefix}-${item.key}`} value={answers[item.key]}
              onChange={(v) => {
                const next = { ...answers };
                if (v.value === undefined && v.measured === undefined) delete next[item.key];
                else next[item.key] = v.measured !== undefined ? { measured: v.measured } : { value: v.value };
                onChange(next);
              }}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
