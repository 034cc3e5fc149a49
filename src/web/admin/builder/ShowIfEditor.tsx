/** "Show this question only if…": an earlier question, an operator, and a value. */
import type { QuestionDef, ShowIf } from '../../../core/surveys/types.ts';
import { NPS_GROUP_RANGES } from '../../../core/stats/nps.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import { isArchived } from './state.ts';
import type { SectionProps } from './props.ts';
import { localize } from '../../../core/surveys/localize.ts';

type Op = ShowIf['op'];

/** Operators that make sense for the kind of question the condition looks at. */
export function operatorsFor(q: QuestionDef | undefined): Op[] {
  if (!q) return ['answered'];
  if (q.type === 'nps' || q.type === 'rating') return ['lte', 'gte', 'eq', 'answered'];
  if (q.type === 'single') return ['eq', 'in', 'answered'];
  if (q.type === 'multi') return ['in', 'answered'];
  return ['answered'];
}

export function ShowIfEditor({ state, question: q, index, errorFor, update }: SectionProps & { index: number; question: QuestionDef; update(p: Partial<QuestionDef>): void }) {
  const { t } = useI18n();
  const { survey, activeLang } = state;
  // A matrix is answered row by row (stored as `<key>__<row key>`): the grid itself has no answer to test.
  const earlier = survey.questions.slice(0, index).filter((x) => !isArchived(x) && x.type !== 'matrix');
  const cond = q.showIf ?? null;
  const target = earlier.find((x) => x.key === cond?.question);
  const ops = operatorsFor(target);
  const at = `questions.${index}.showIf`;
  const label = (x: QuestionDef) => `${x.key} — ${localize(x.text, activeLang, survey.defaultLanguage).slice(0, 50)}`;

  const enable = (on: boolean) => {
    if (!on) return update({ showIf: null });
    const first = earlier[earlier.length - 1];
    const op = operatorsFor(first)[0];
    update({ showIf: { question: first?.key ?? '', op, value: defaultValue(first, op) } });
  };
  const setQuestion = (key: string) => {
    const next = earlier.find((x) => x.key === key);
    const op = operatorsFor(next)[0];
    update({ showIf: { question: key, op, value: defaultValue(next, op) } });
  };
  const setOp = (op: Op) => update({ showIf: { ...cond!, op, value: defaultValue(target, op, cond?.value) } });
  const values = Array.isArray(cond?.value) ? cond!.value.map(String) : cond?.value !== undefined ? [String(cond.value)] : [];
  const toggleValue = (v: string) =>
    update({ showIf: { ...cond!, value: values.includes(v) ? values.filter((x) => x !== v) : [...values, v] } });

  return (
    <fieldset className="inline-fieldset column show-if">
      <legend>{t('showIf.title')}</legend>
      <label className="check">
        <input type="checkbox" checked={!!cond} disabled={earlier.length === 0} onChange={(e) => enable(e.target.checked)} />
        {t('showIf.enable')}
      </label>
      {cond && (
        <div className="row">
          <Field label={t('showIf.question')} error={errorFor(at)}>
            {(p) => (
              <select {...p} value={cond.question} onChange={(e) => setQuestion(e.target.value)}>
                {!target && <option value="">{t('builder.choose')}</option>}
                {earlier.map((x) => <option key={x.key} value={x.key}>{label(x)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('showIf.operator')}>
            {(p) => (
              <select {...p} value={cond.op} onChange={(e) => setOp(e.target.value as Op)}>
                {ops.map((o) => <option key={o} value={o}>{t(`op.${o}`)}</option>)}
              </select>
            )}
          </Field>
          {target && cond.op !== 'answered' && (target.type === 'nps' || target.type === 'rating') && (
            <Field label={t('showIf.value')}>
              {(p) => (
                <input {...p} type="number" min={target.scale?.min ?? 0} max={target.scale?.max ?? 10} value={typeof cond.value === 'number' ? cond.value : ''}
                  onChange={(e) => update({ showIf: { ...cond, value: e.target.value === '' ? undefined : Number(e.target.value) } })} />
              )}
            </Field>
          )}
          {target && cond.op === 'eq' && target.type === 'single' && (
            <Field label={t('showIf.value')}>
              {(p) => (
                <select {...p} value={String(cond.value ?? '')} onChange={(e) => update({ showIf: { ...cond, value: e.target.value } })}>
                  {(target.options ?? []).map((o) => <option key={o.value} value={o.value}>{localize(o.label, activeLang, survey.defaultLanguage)}</option>)}
                </select>
              )}
            </Field>
          )}
          {target && cond.op === 'in' && (
            <fieldset className="inline-fieldset">
              <legend>{t('showIf.anyOf')}</legend>
              {(target.options ?? []).map((o) => (
                <label key={o.value} className="check">
                  <input type="checkbox" checked={values.includes(o.value)} onChange={() => toggleValue(o.value)} />
                  {localize(o.label, activeLang, survey.defaultLanguage)}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** A sensible starting value: detractors (≤ 6) for NPS, the lower half for ratings, the first option. */
export function defaultValue(q: QuestionDef | undefined, op: Op, previous?: ShowIf['value']): ShowIf['value'] {
  if (!q || op === 'answered') return undefined;
  if (q.type === 'nps') return typeof previous === 'number' ? previous : NPS_GROUP_RANGES.detractor[1];
  if (q.type === 'rating') return typeof previous === 'number' ? previous : Math.floor(((q.scale?.min ?? 1) + (q.scale?.max ?? 5)) / 2);
  const first = q.options?.[0]?.value ?? '';
  return op === 'in' ? [first] : first;
}
