/** Type-specific question settings: scale, labels and metric for score questions; choices for choice questions. */
import type { ChoiceOption, MatrixRow, NumberRange, QuestionDef, QuestionMetric, ScaleStyle } from '../../../core/surveys/types.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import { defaultBoxMin, uniqueKey } from './defaults.ts';
import { setLocalized } from './state.ts';
import { type SectionProps } from './props.ts';
import { directionOf } from '../../../core/i18n/languages.ts';

type SettingsProps = SectionProps & { index: number; question: QuestionDef; locked: boolean; update(patch: Partial<QuestionDef>): void };

const RANGES = [5, 7, 10];
const STYLES: ScaleStyle[] = ['numbers', 'stars', 'smileys'];
const RATING_METRICS: Exclude<QuestionMetric, 'nps'>[] = ['csat', 'ces', 'csi_satisfaction', 'csi_importance', 'none'];

export function ScaleSettings({ state, question: q, index, locked, update, errorFor }: SettingsProps) {
  const { t } = useI18n();
  const { activeLang } = state;
  const scale = q.scale ?? { min: q.type === 'nps' ? 0 : 1, max: q.type === 'nps' ? 10 : 5, style: 'numbers' as ScaleStyle };
  const at = `questions.${index}`;
  const dir = directionOf(activeLang);
  const setLabel = (end: 'min' | 'max', value: string) =>
    update({ scale: { ...scale, labels: { ...scale.labels, [end]: setLocalized(scale.labels?.[end], activeLang, value) } } });
  const setRange = (max: number) => {
    // Stars and smileys exist only on 1-5; a longer scale falls back to numbers.
    const style = max === 5 ? scale.style : 'numbers';
    update({ scale: { ...scale, min: 1, max, style }, boxMin: defaultBoxMin(1, max, q.metric) });
  };
  const setMetric = (metric: QuestionMetric) =>
    update({
      metric,
      boxMin: defaultBoxMin(scale.min, scale.max, metric),
      direction: metric === 'ces' ? q.direction ?? 'higher_is_easier' : undefined,
      attribute: metric.startsWith('csi_') ? q.attribute ?? '' : undefined,
    });
  return (
    <fieldset className="inline-fieldset column">
      <legend>{t('builder.scale')}</legend>
      {(q.type === 'rating' || q.type === 'matrix') && (
        <div className="row">
          <Field label={t('builder.range')} hint={locked ? t('builder.scaleLocked') : undefined} error={errorFor(`${at}.scale`)}>
            {(p) => (
              <select {...p} value={scale.max} disabled={locked} onChange={(e) => setRange(Number(e.target.value))}>
                {RANGES.map((m) => <option key={m} value={m}>{`1–${m}`}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('builder.style')}>
            {(p) => (
              <select {...p} value={scale.style} disabled={locked} onChange={(e) => update({ scale: { ...scale, style: e.target.value as ScaleStyle } })}>
                {STYLES.map((s) => <option key={s} value={s} disabled={s !== 'numbers' && scale.max !== 5}>{t(`style.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('builder.metric')} error={errorFor(`${at}.metric`)}>
            {(p) => (
              <select {...p} value={q.metric} disabled={locked} onChange={(e) => setMetric(e.target.value as QuestionMetric)}>
                {RATING_METRICS.map((m) => <option key={m} value={m}>{t(`metric.${m}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
      )}
      {q.type === 'nps' && <p className="muted">{t('builder.npsScale')}</p>}
      <div className="row">
        <Field label={t('builder.minLabel', { n: scale.min })}>
          {(p) => <input {...p} dir={dir} lang={activeLang} value={scale.labels?.min?.[activeLang] ?? ''} onChange={(e) => setLabel('min', e.target.value)} />}
        </Field>
        <Field label={t('builder.maxLabel', { n: scale.max })}>
          {(p) => <input {...p} dir={dir} lang={activeLang} value={scale.labels?.max?.[activeLang] ?? ''} onChange={(e) => setLabel('max', e.target.value)} />}
        </Field>
      </div>
      {(q.metric === 'csat' || q.metric === 'ces') && (
        <div className="row">
          <Field label={t(q.metric === 'csat' ? 'builder.csatBox' : 'builder.cesAgree')} hint={t('builder.boxHint', { min: scale.min, max: scale.max })} error={errorFor(`${at}.boxMin`)}>
            {(p) => (
              <input {...p} type="number" min={scale.min} max={scale.max} value={q.boxMin ?? ''}
                onChange={(e) => update({ boxMin: e.target.value === '' ? undefined : Number(e.target.value) })} />
            )}
          </Field>
          {q.metric === 'ces' && (
            <Field label={t('builder.direction')}>
              {(p) => (
                <select {...p} value={q.direction ?? 'higher_is_easier'} onChange={(e) => update({ direction: e.target.value as QuestionDef['direction'] })}>
                  <option value="higher_is_easier">{t('direction.higher_is_easier')}</option>
                  <option value="lower_is_easier">{t('direction.lower_is_easier')}</option>
                </select>
              )}
            </Field>
          )}
        </div>
      )}
      {q.metric.startsWith('csi_') && (
        <Field label={t('builder.attribute')} hint={t('builder.attributeHint')} error={errorFor(`${at}.attribute`)}>
          {(p) => <input {...p} dir="ltr" value={q.attribute ?? ''} onChange={(e) => update({ attribute: e.target.value.toLowerCase().replace(/[^a-z0-9_]/g, '_') })} />}
        </Field>
      )}
    </fieldset>
  );
}

export function ChoicesEditor({ state, question: q, index, locked, update, errorFor }: SettingsProps) {
  const { t } = useI18n();
  const { activeLang, survey } = state;
  const options = q.options ?? [];
  const lockedCount = locked ? (q.options?.length ?? 0) : 0;
  const at = `questions.${index}.options`;
  const set = (next: ChoiceOption[]) => update({ options: next });
  const move = (i: number, d: -1 | 1) => {
    const next = [...options];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    set(next);
  };
  const add = () => {
    const value = uniqueKey(`option_${options.length + 1}`, options.map((o) => o.value));
    set([...options, { value, label: {} }]);
  };
  return (
    <fieldset className="inline-fieldset column">
      <legend>{t('builder.choices')}</legend>
      {errorFor(at, true) && <small className="error field-error">{errorFor(at, true)}</small>}
      <ol className="choices">
        {options.map((o, i) => (
          <li key={i} className="row choice-row">
            <Field label={t('builder.choiceLabel', { n: i + 1 })} error={errorFor(`${at}.${i}`)}>
              {(p) => (
                <input {...p} dir={directionOf(activeLang)} lang={activeLang} value={o.label[activeLang] ?? ''} placeholder={o.label[survey.defaultLanguage] ?? ''}
                  onChange={(e) => set(options.map((x, j) => (j === i ? { ...x, label: setLocalized(x.label, activeLang, e.target.value) } : x)))} />
              )}
            </Field>
            <Field label={t('builder.choiceValue')}>
              {(p) => (
                <input {...p} dir="ltr" className="key-input" value={o.value} readOnly={i < lockedCount}
                  onChange={(e) => set(options.map((x, j) => (j === i ? { ...x, value: e.target.value.replace(/\s+/g, '_') } : x)))} />
              )}
            </Field>
            <span className="choice-tools">
              <button type="button" className="secondary" disabled={i === 0 || i <= lockedCount && lockedCount > 0} onClick={() => move(i, -1)} aria-label={t('builder.choiceUp', { n: i + 1 })}>↑</button>
              <button type="button" className="secondary" disabled={i === options.length - 1 || i < lockedCount} onClick={() => move(i, 1)} aria-label={t('builder.choiceDown', { n: i + 1 })}>↓</button>
              {i >= lockedCount && (
                <button type="button" className="secondary" onClick={() => set(options.filter((_, j) => j !== i))} aria-label={t('builder.choiceRemove', { n: i + 1 })}>✕</button>
              )}
            </span>
          </li>
        ))}
      </ol>
      <p><button type="button" className="secondary" onClick={add}>{t('builder.addChoice')}</button></p>
      <label className="check">
        <input type="checkbox" checked={!!q.randomizeOptions} aria-describedby={`rnd-${index}-hint`} data-testid={`randomize-${index}`}
          onChange={(e) => update({ randomizeOptions: e.target.checked || undefined })} />
        {t('avail.randomizeOptions')}
      </label>
      <small id={`rnd-${index}-hint`} className="muted">{t('avail.randomizeOptionsHint')}</small>
    </fieldset>
  );
}

/** A matrix's rows: label in the active language and key (each row is stored as the rating question `<key>__<row key>`). */
export function RowsEditor({ state, question: q, index, locked, update, errorFor }: SettingsProps) {
  const { t } = useI18n();
  const { activeLang, survey } = state;
  const rows = q.rows ?? [];
  const at = `questions.${index}.rows`;
  const set = (next: MatrixRow[]) => update({ rows: next });
  // A row of a live survey keeps its key (its answers are stored under it); new rows may be added and any removed (archived).
  const add = () => set([...rows, { key: uniqueKey(`row_${rows.length + 1}`, rows.map((r) => r.key)), label: {} }]);
  return (
    <fieldset className="inline-fieldset column">
      <legend>{t('builder.rows')}</legend>
      {errorFor(at, true) && <small className="error field-error">{errorFor(at, true)}</small>}
      <ol className="choices">
        {rows.map((r, i) => (
          <li key={i} className="row choice-row">
            <Field label={t('builder.rowLabel', { n: i + 1 })} error={errorFor(`${at}.${i}`)}>
              {(p) => (
                <input {...p} dir={directionOf(activeLang)} lang={activeLang} value={r.label[activeLang] ?? ''} placeholder={r.label[survey.defaultLanguage] ?? ''}
                  onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, label: setLocalized(x.label, activeLang, e.target.value) } : x)))} />
              )}
            </Field>
            <Field label={t('builder.rowKey')}>
              {(p) => (
                <input {...p} dir="ltr" className="key-input" value={r.key} readOnly={locked}
                  onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, key: e.target.value.toLowerCase().replace(/[^a-z0-9_]+/g, '_') } : x)))} />
              )}
            </Field>
            <span className="choice-tools">
              <button type="button" className="secondary" onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={t('builder.rowRemove', { n: i + 1 })}>✕</button>
            </span>
          </li>
        ))}
      </ol>
      <p><button type="button" className="secondary" onClick={add}>{t('builder.addRow')}</button></p>
    </fieldset>
  );
}

/** A number question's accepted range and whether decimals are accepted. */
export function NumberRangeSettings({ question: q, index, update, errorFor }: SettingsProps) {
  const { t } = useI18n();
  const range = q.range ?? {};
  const set = (patch: Partial<NumberRange>) => {
    const next = { ...range, ...patch };
    for (const k of ['min', 'max', 'decimals'] as const) if (next[k] === undefined) delete next[k];
    update({ range: next });
  };
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
  return (
    <fieldset className="inline-fieldset column">
      <legend>{t('builder.numberRange')}</legend>
      {errorFor(`questions.${index}.range`, true) && <small className="error field-error">{errorFor(`questions.${index}.range`, true)}</small>}
      <div className="row">
        <Field label={t('builder.numberMin')}>
          {(p) => <input {...p} type="number" dir="ltr" value={range.min ?? ''} onChange={(e) => set({ min: num(e.target.value) })} />}
        </Field>
        <Field label={t('builder.numberMax')}>
          {(p) => <input {...p} type="number" dir="ltr" value={range.max ?? ''} onChange={(e) => set({ max: num(e.target.value) })} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={!!range.decimals} onChange={(e) => set({ decimals: e.target.checked || undefined })} />
          {t('builder.decimals')}
        </label>
      </div>
    </fieldset>
  );
}
