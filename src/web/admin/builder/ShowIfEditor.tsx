/**
 * A question's logic: "Show this question only if…" as AND/OR groups of conditions (nested up to
 * MAX_LOGIC_DEPTH levels) over earlier answers, hidden fields, the channel and the language; and its jumps
 * (after the question: forward to a later question, or the end with its own thank-you text). The rules
 * themselves live in src/core/surveys/flow.ts; this only edits them.
 */
import type { Condition, ConditionGroup, Jump, Logic, QuestionDef, ShowIf } from '../../../core/surveys/types.ts';
import { END, MAX_LOGIC_DEPTH, isGroup } from '../../../core/surveys/flow.ts';
import { NPS_GROUP_RANGES } from '../../../core/stats/nps.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import { isArchived } from './state.ts';
import type { SectionProps } from './props.ts';
import { localize } from '../../../core/surveys/localize.ts';

type Op = ShowIf['op'];
type Item = Condition | ConditionGroup;

/** Operators that make sense for what the condition looks at (a question's type; text subjects: equals / one of / present). */
function operatorsFor(q: QuestionDef | undefined, subject: Subject): Op[] {
  if (subject !== 'question') return subject === 'hidden' ? ['eq', 'in', 'answered'] : ['eq', 'in'];
  if (!q) return ['answered'];
  if (q.type === 'nps' || q.type === 'rating') return ['lte', 'gte', 'eq', 'answered'];
  if (q.type === 'single') return ['eq', 'in', 'answered'];
  if (q.type === 'multi') return ['in', 'answered'];
  return ['answered'];
}

/** A sensible starting value: detractors (≤ 6) for NPS, the lower half for ratings, the first option. */
function defaultValue(q: QuestionDef | undefined, op: Op, previous?: ShowIf['value']): ShowIf['value'] {
  if (!q || op === 'answered') return undefined;
  if (q.type === 'nps') return typeof previous === 'number' ? previous : NPS_GROUP_RANGES.detractor[1];
  if (q.type === 'rating') return typeof previous === 'number' ? previous : Math.floor(((q.scale?.min ?? 1) + (q.scale?.max ?? 5)) / 2);
  const first = q.options?.[0]?.value ?? '';
  return op === 'in' ? [first] : first;
}

type Subject = 'question' | 'hidden' | 'channel' | 'language';
const subjectOf = (c: Condition): Subject => (c.question !== undefined ? 'question' : c.hidden !== undefined ? 'hidden' : c.channel ? 'channel' : 'language');

/** A new condition on the last earlier question (or, without one, on the channel). */
function newCondition(earlier: QuestionDef[]): Condition {
  const last = earlier[earlier.length - 1];
  if (!last) return { channel: true, op: 'eq', value: 'link' };
  const op = operatorsFor(last, 'question')[0];
  return { question: last.key, op, value: defaultValue(last, op) };
}

/** The editor works on groups; a group of one condition is saved as that condition (the show-if of older surveys). */
const asGroup = (logic: Logic | null | undefined): ConditionGroup => (!logic ? { all: [] } : isGroup(logic) ? logic : { all: [logic as Condition] });
const simplify = (g: ConditionGroup): Logic | null => {
  const items = g.all ?? g.any ?? [];
  if (!items.length) return null;
  return g.all && items.length === 1 && !isGroup(items[0]) ? items[0] : g;
};

interface LogicProps {
  earlier: QuestionDef[];
  languages: string[];
  activeLang: string;
  fallback: string;
  errorFor: SectionProps['errorFor'];
}

function ConditionEditor({ cond, onChange, onRemove, n, at, ...p }: LogicProps & { cond: Condition; n: number; at: string; onChange(c: Condition): void; onRemove(): void }) {
  const { t } = useI18n();
  const subject = subjectOf(cond);
  const target = subject === 'question' ? p.earlier.find((x) => x.key === cond.question) : undefined;
  const ops = operatorsFor(target, subject);
  const label = (x: QuestionDef) => `${x.key} — ${localize(x.text, p.activeLang, p.fallback).slice(0, 50)}`;
  const values = Array.isArray(cond.value) ? cond.value.map(String) : cond.value !== undefined ? [String(cond.value)] : [];
  const setSubject = (v: string) => {
    if (v.startsWith('q:')) {
      const q = p.earlier.find((x) => x.key === v.slice(2));
      const op = operatorsFor(q, 'question')[0];
      return onChange({ question: v.slice(2), op, value: defaultValue(q, op) });
    }
    if (v === 'hidden') return onChange({ hidden: '', op: 'eq', value: '' });
    if (v === 'channel') return onChange({ channel: true, op: 'eq', value: 'link' });
    return onChange({ language: true, op: 'eq', value: p.languages[0] });
  };
  const setOp = (op: Op) => {
    if (subject !== 'question') return onChange({ ...cond, op, value: op === 'answered' ? undefined : op === 'in' ? values : values[0] ?? '' });
    onChange({ ...cond, op, value: defaultValue(target, op, cond.value) });
  };
  const toggle = (v: string) => onChange({ ...cond, value: values.includes(v) ? values.filter((x) => x !== v) : [...values, v] });
  const options = subject === 'language' ? p.languages.map((l) => ({ value: l, label: l })) : (target?.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, p.activeLang, p.fallback) }));
  const subjectValue = subject === 'question' ? `q:${cond.question}` : subject;
  return (
    <fieldset className="inline-fieldset logic-condition">
      <legend>{t('logic.conditionTitle', { n })}</legend>
      <Field label={t('logic.subject')} error={p.errorFor(at)}>
        {(fp) => (
          <select {...fp} value={subjectValue} onChange={(e) => setSubject(e.target.value)}>
            {subject === 'question' && !target && <option value={subjectValue}>{t('builder.choose')}</option>}
            {p.earlier.map((x) => <option key={x.key} value={`q:${x.key}`}>{label(x)}</option>)}
            <option value="hidden">{t('logic.hiddenField')}</option>
            <option value="channel">{t('logic.channel')}</option>
            <option value="language">{t('logic.language')}</option>
          </select>
        )}
      </Field>
      {subject === 'hidden' && (
        <Field label={t('logic.hiddenName')}>
          {(fp) => <input {...fp} dir="ltr" value={cond.hidden ?? ''} maxLength={60} onChange={(e) => onChange({ ...cond, hidden: e.target.value })} />}
        </Field>
      )}
      <Field label={t('showIf.operator')}>
        {(fp) => (
          <select {...fp} value={cond.op} onChange={(e) => setOp(e.target.value as Op)}>
            {ops.map((o) => <option key={o} value={o}>{t(`op.${o}`)}</option>)}
          </select>
        )}
      </Field>
      {cond.op !== 'answered' && target && (target.type === 'nps' || target.type === 'rating') && (
        <Field label={t('showIf.value')}>
          {(fp) => (
            <input {...fp} type="number" min={target.scale?.min ?? 0} max={target.scale?.max ?? 10} value={typeof cond.value === 'number' ? cond.value : ''}
              onChange={(e) => onChange({ ...cond, value: e.target.value === '' ? undefined : Number(e.target.value) })} />
          )}
        </Field>
      )}
      {cond.op === 'eq' && options.length > 0 && (
        <Field label={t('showIf.value')}>
          {(fp) => (
            <select {...fp} value={String(cond.value ?? '')} onChange={(e) => onChange({ ...cond, value: e.target.value })}>
              {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          )}
        </Field>
      )}
      {cond.op === 'in' && options.length > 0 && (
        <fieldset className="inline-fieldset">
          <legend>{t('showIf.anyOf')}</legend>
          {options.map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" checked={values.includes(o.value)} onChange={() => toggle(o.value)} />
              {o.label}
            </label>
          ))}
        </fieldset>
      )}
      {(subject === 'hidden' || subject === 'channel') && cond.op !== 'answered' && (
        <Field label={cond.op === 'in' ? t('logic.textValues') : t('showIf.value')}>
          {(fp) => (
            <input {...fp} dir="ltr" value={values.join(', ')}
              onChange={(e) => {
                const list = e.target.value.split(',').map((x) => x.trim());
                onChange({ ...cond, value: cond.op === 'in' ? list.filter((x) => x !== '') : e.target.value.trim() });
              }} />
          )}
        </Field>
      )}
      <button type="button" className="link-button" onClick={onRemove}>{t('logic.remove')}</button>
    </fieldset>
  );
}

/** An AND/OR group: its items (conditions, nested groups), the toggle, and add buttons (groups only within the depth limit). */
function GroupEditor({ group, onChange, onRemove, depth, at, ...p }: LogicProps & { group: ConditionGroup; depth: number; at: string; onChange(g: ConditionGroup): void; onRemove?(): void }) {
  const { t } = useI18n();
  const mode = group.any ? 'any' : 'all';
  const items: Item[] = group[mode] ?? [];
  const set = (next: Item[]) => onChange({ [mode]: next });
  const replace = (i: number, item: Item | null) => set(item ? items.map((x, j) => (j === i ? item : x)) : items.filter((_, j) => j !== i));
  return (
    <fieldset className="inline-fieldset column logic-group">
      <legend>{t('logic.groupTitle')}</legend>
      <div role="radiogroup" aria-label={t('logic.match')} className="row">
        {(['all', 'any'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name={`${at}-mode`} checked={mode === m} onChange={() => onChange({ [m]: items })} />
            {t(m === 'all' ? 'logic.all' : 'logic.any')}
          </label>
        ))}
      </div>
      {items.map((item, i) =>
        isGroup(item) ? (
          <GroupEditor key={i} {...p} group={item} depth={depth + 1} at={`${at}.${mode}.${i}`} onChange={(g) => replace(i, g)} onRemove={() => replace(i, null)} />
        ) : (
          <ConditionEditor key={i} {...p} cond={item} n={i + 1} at={`${at}.${mode}.${i}`} onChange={(c) => replace(i, c)} onRemove={() => replace(i, null)} />
        ),
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => set([...items, newCondition(p.earlier)])}>{t('logic.addCondition')}</button>
        {depth < MAX_LOGIC_DEPTH && (
          <button type="button" className="secondary" onClick={() => set([...items, { [mode === 'all' ? 'any' : 'all']: [newCondition(p.earlier)] }])}>{t('logic.addGroup')}</button>
        )}
        {onRemove && <button type="button" className="link-button" onClick={onRemove}>{t('logic.remove')}</button>}
      </div>
    </fieldset>
  );
}

type EditorProps = SectionProps & { index: number; question: QuestionDef; update(p: Partial<QuestionDef>): void };

function logicProps(state: SectionProps['state'], earlier: QuestionDef[], errorFor: SectionProps['errorFor']): LogicProps {
  return { earlier, languages: state.survey.languages, activeLang: state.activeLang, fallback: state.survey.defaultLanguage, errorFor };
}

/** "Show this question only if…": off, or a group of conditions on what came before. */
export function ShowIfEditor({ state, question: q, index, errorFor, update }: EditorProps) {
  const { t } = useI18n();
  // A matrix is answered row by row (stored as `<key>__<row key>`): the grid itself has no answer to test.
  const earlier = state.survey.questions.slice(0, index).filter((x) => !isArchived(x) && x.type !== 'matrix');
  const at = `questions.${index}.showIf`;
  const enable = (on: boolean) => update({ showIf: on ? newCondition(earlier) : null });
  return (
    <fieldset className="inline-fieldset column show-if">
      <legend>{t('showIf.title')}</legend>
      <label className="check">
        <input type="checkbox" checked={!!q.showIf} onChange={(e) => enable(e.target.checked)} />
        {t('showIf.enable')}
      </label>
      {errorFor(at, true) && <p className="error field-error">{errorFor(at, true)}</p>}
      {q.showIf && (
        <GroupEditor {...logicProps(state, earlier, errorFor)} group={asGroup(q.showIf)} depth={1} at={at}
          onChange={(g) => update({ showIf: simplify(g) })} />
      )}
    </fieldset>
  );
}

/** The question's jumps, in order: each with an optional condition, a target (a later question or the end) and the end's thanks. */
export function JumpEditor({ state, question: q, index, errorFor, update }: EditorProps) {
  const { t } = useI18n();
  const { survey, activeLang } = state;
  const upToHere = survey.questions.slice(0, index + 1).filter((x) => !isArchived(x) && x.type !== 'matrix');
  const later = survey.questions.slice(index + 1).filter((x) => !isArchived(x));
  const jumps = q.jumps ?? [];
  const at = `questions.${index}.jumps`;
  const set = (next: Jump[]) => update({ jumps: next });
  const patch = (i: number, p: Partial<Jump>) => set(jumps.map((j, n) => (n === i ? { ...j, ...p } : j)));
  const label = (x: QuestionDef) => `${x.key} — ${localize(x.text, activeLang, survey.defaultLanguage).slice(0, 50)}`;
  return (
    <fieldset className="inline-fieldset column jumps">
      <legend>{t('jumps.title')}</legend>
      <small className="muted">{t('jumps.help')}</small>
      {jumps.map((j, i) => (
        <fieldset key={i} className="inline-fieldset column">
          <legend>{t('jumps.item', { n: i + 1 })}</legend>
          <label className="check">
            <input type="checkbox" checked={!!j.when} onChange={(e) => patch(i, { when: e.target.checked ? newCondition(upToHere) : null })} />
            {t('jumps.onlyWhen')}
          </label>
          {j.when && (
            <GroupEditor {...logicProps(state, upToHere, errorFor)} group={asGroup(j.when)} depth={1} at={`${at}.${i}.when`}
              onChange={(g) => patch(i, { when: simplify(g) })} />
          )}
          <Field label={t('jumps.to')} error={errorFor(`${at}.${i}.to`)}>
            {(p) => (
              <select {...p} value={j.to} onChange={(e) => patch(i, e.target.value === END ? { to: END } : { to: e.target.value, thanks: undefined })}>
                {j.to !== END && !later.some((x) => x.key === j.to) && <option value={j.to}>{t('builder.choose')}</option>}
                {later.map((x) => <option key={x.key} value={x.key}>{label(x)}</option>)}
                <option value={END}>{t('jumps.end')}</option>
              </select>
            )}
          </Field>
          {j.to === END && survey.languages.map((lang) => (
            <Field key={lang} label={t('jumps.thanks', { lang })} error={errorFor(`${at}.${i}.thanks.${lang}`)}>
              {(p) => (
                <textarea {...p} lang={lang} dir="auto" rows={2} maxLength={2000} value={j.thanks?.[lang] ?? ''}
                  onChange={(e) => patch(i, { thanks: { ...j.thanks, [lang]: e.target.value } })} />
              )}
            </Field>
          ))}
          <button type="button" className="link-button" onClick={() => set(jumps.filter((_, n) => n !== i))}>{t('jumps.remove')}</button>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" className="secondary" onClick={() => set([...jumps, { to: later[0]?.key ?? END }])}>{t('jumps.add')}</button>
      </div>
      <small className="muted">
        {t('logic.pipingHint', { answer: '{{key}}', hidden: '{{hidden.NAME}}', contact: '{{contact.ATTR}}', fallback: `{{key|${t('logic.fallbackWord')}}}` })}
      </small>
    </fieldset>
  );
}
