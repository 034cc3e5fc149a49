/**
 * When the survey takes answers and how many, and in which order: its schedule (opens / closes, edited as wall-clock times in the
 * ORGANISATION's time zone, stored as instants), the survey its closed page points to, the response limit and
 * quotas, and the groups of questions shown in random order (docs/api.md "Schedule", "Limits and quotas", "Random order").
 */
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { Field, useLoad } from '../../components/index.ts';
import { useSession } from '../../shell/session.tsx';
import { instantToZonedLocal, zonedLocalToInstant } from '../../../core/surveys/schedule.ts';
import { QUOTA_ACTIONS, type Quota } from '../../../core/surveys/quotas.ts';
import { directionOf } from '../../../core/i18n/languages.ts';
import { localize } from '../../../core/surveys/localize.ts';
import type { SurveyListAnswer } from '../../../core/api/surveys.ts';
import type { SurveyDef } from '../../../core/surveys/types.ts';
import type { SectionProps } from './props.ts';
import { setLocalized, type AvailabilityField } from './state.ts';

const SUBJECTS = ['all', 'question', 'hidden', 'location'] as const;
type Subject = (typeof SUBJECTS)[number];
const OPS = ['eq', 'in', 'gte', 'lte', 'answered'] as const;

const subjectOf = (q: Quota): Subject => (!q.when ? 'all' : q.when.question !== undefined ? 'question' : q.when.hidden !== undefined ? 'hidden' : 'location');
/** A condition's value as typed: numbers for gte/lte, a comma-separated list for in. */
function parseValue(op: string, text: string): number | string | Array<number | string> | undefined {
  if (op === 'answered') return undefined;
  if (op === 'in') return text.split(',').map((s) => s.trim()).filter(Boolean);
  if (op === 'gte' || op === 'lte') return text.trim() === '' ? undefined : Number(text);
  return text;
}
/** Keys or values typed as a comma-separated list; the text is kept as typed (a trailing comma stays) while the list follows it. */
function KeyListInput({ keys, onChange, testId, ...p }: { keys: string[]; onChange: (keys: string[]) => void; testId: string; id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  const [text, setText] = useState(keys.join(', '));
  const parsed = text.split(',').map((k) => k.trim()).filter(Boolean);
  // Loaded or changed elsewhere (a save's answer): show the stored list.
  const shown = parsed.join() === keys.join() ? text : keys.join(', ');
  return (
    <input {...p} dir="ltr" value={shown} data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split(',').map((k) => k.trim()).filter(Boolean));
      }} />
  );
}

const valueText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));

export function SurveyAvailability({ state, dispatch, errorFor }: SectionProps) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = me?.org.timezone || 'UTC';
  const { survey, activeLang } = state;
  const surveys = useLoad<SurveyListAnswer>('/surveys');
  const others = (surveys.data?.surveys ?? []).filter((s) => s.id !== survey.id && !s.archivedAt);
  const set = (patch: Partial<Pick<SurveyDef, AvailabilityField>>) => dispatch({ type: 'setAvailability', patch });
  const quotas = survey.quotas ?? [];
  const groups = survey.randomGroups ?? [];
  const setQuota = (i: number, patch: Partial<Quota>) => set({ quotas: quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const questions = survey.questions.filter((q) => q.archivedInVersion == null);

  const timeField = (field: 'opensAt' | 'closesAt') => (
    <Field label={t(`avail.${field}`)} hint={t('avail.zoneHint', { zone })} error={errorFor(field, true)}>
      {(p) => (
        <input {...p} type="datetime-local" dir="ltr" value={survey[field] ? instantToZonedLocal(survey[field]!, zone) : ''}
          data-testid={`avail-${field}`}
          onChange={(e) => set({ [field]: e.target.value ? zonedLocalToInstant(e.target.value, zone) : null })} />
      )}
    </Field>
  );

  return (
    <section className="card builder-section" aria-labelledby="avail-h">
      <h2 id="avail-h">{t('avail.title')}</h2>
      <p className="muted">{t('avail.intro')}</p>
      <div className="row">
        {timeField('opensAt')}
        {timeField('closesAt')}
      </div>
      <div className="row">
        <Field label={t('avail.redirect')} hint={t('avail.redirectHint')} error={errorFor('closedRedirectSlug', true)}>
          {(p) => (
            <select {...p} value={survey.closedRedirectSlug ?? ''} data-testid="avail-redirect"
              onChange={(e) => set({ closedRedirectSlug: e.target.value || null })}>
              <option value="">{t('avail.noRedirect')}</option>
              {survey.closedRedirectSlug && !others.some((s) => s.slug === survey.closedRedirectSlug) && (
                <option value={survey.closedRedirectSlug}>{survey.closedRedirectSlug}</option>
              )}
              {others.map((s) => <option key={s.id} value={s.slug}>{localize(s.title, lang, s.defaultLanguage, s.name)} ({s.slug})</option>)}
            </select>
          )}
        </Field>
        <Field label={t('avail.limit')} hint={t('avail.limitHint')} error={errorFor('responseLimit', true)}>
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={1} step={1} dir="ltr" value={survey.responseLimit ?? ''} data-testid="avail-limit"
              onChange={(e) => set({ responseLimit: e.target.value === '' ? null : Number(e.target.value) })} />
          )}
        </Field>
      </div>
      <h3>{t('avail.quotas')}</h3>
      <p className="muted small">{t('avail.quotasHint')}</p>
      {quotas.length === 0 && <p className="muted">{t('avail.noQuotas')}</p>}
      <ol className="plain-list">
        {quotas.map((q, i) => {
          const subject = subjectOf(q);
          const when = q.when ?? null;
          const setWhen = (patch: Partial<NonNullable<Quota['when']>>) => setQuota(i, { when: { op: 'eq', ...when, ...patch } });
          return (
            <li key={i}>
              <fieldset className="card quota" data-testid={`quota-${i}`}>
                <legend>{t('avail.quota', { n: i + 1 })}</legend>
                <div className="row">
                  <Field label={t('avail.quotaKey')} error={errorFor(`quotas.${i}.key`)}>
                    {(p) => <input {...p} dir="ltr" value={q.key} maxLength={40} pattern="[a-z0-9_]+" onChange={(e) => setQuota(i, { key: e.target.value.toLowerCase() })} />}
                  </Field>
                  <Field label={t('avail.quotaLimit')} error={errorFor(`quotas.${i}.limit`)}>
                    {(p) => <input {...p} type="number" min={1} step={1} dir="ltr" value={q.limit} onChange={(e) => setQuota(i, { limit: Number(e.target.value) })} />}
                  </Field>
                  <Field label={t('avail.quotaAction')} error={errorFor(`quotas.${i}.action`)}>
                    {(p) => (
                      <select {...p} value={q.action} onChange={(e) => setQuota(i, { action: e.target.value as Quota['action'] })}>
                        {QUOTA_ACTIONS.map((a) => <option key={a} value={a}>{t(`avail.action.${a}`)}</option>)}
                      </select>
                    )}
                  </Field>
                </div>
                <div className="row">
                  <Field label={t('avail.quotaWhen')} error={errorFor(`quotas.${i}.when`)}>
                    {(p) => (
                      <select {...p} value={subject} onChange={(e) => {
                        const s = e.target.value as Subject;
                        setQuota(i, {
                          when: s === 'all' ? null
                            : s === 'question' ? { question: questions[0]?.key ?? '', op: 'answered' }
                              : s === 'hidden' ? { hidden: '', op: 'eq', value: '' } : { location: true, op: 'in', value: [] },
                        });
                      }}>
                        {SUBJECTS.map((s) => <option key={s} value={s}>{t(`avail.subject.${s}`)}</option>)}
                      </select>
                    )}
                  </Field>
                  {subject === 'question' && (
                    <Field label={t('avail.subject.question')}>
                      {(p) => (
                        <select {...p} value={when?.question ?? ''} onChange={(e) => setWhen({ question: e.target.value })}>
                          {questions.map((x) => <option key={x.key} value={x.key}>{localize(x.text, activeLang, survey.defaultLanguage, x.key)}</option>)}
                        </select>
                      )}
                    </Field>
                  )}
                  {subject === 'hidden' && (
                    <Field label={t('avail.hiddenName')}>
                      {(p) => <input {...p} dir="ltr" value={when?.hidden ?? ''} maxLength={60} onChange={(e) => setWhen({ hidden: e.target.value })} />}
                    </Field>
                  )}
                  {subject !== 'all' && (
                    <Field label={t('avail.op')}>
                      {(p) => (
                        <select {...p} value={when?.op ?? 'eq'} onChange={(e) => setWhen({ op: e.target.value as (typeof OPS)[number], value: parseValue(e.target.value, valueText(when?.value)) })}>
                          {OPS.filter((o) => subject === 'question' || (o !== 'gte' && o !== 'lte')).map((o) => <option key={o} value={o}>{t(`avail.op.${o}`)}</option>)}
                        </select>
                      )}
                    </Field>
                  )}
                  {subject !== 'all' && when?.op !== 'answered' && (
                    <Field label={t('avail.value')} hint={when?.op === 'in' ? t('avail.valueListHint') : undefined} error={errorFor(`quotas.${i}.when.value`)}>
                      {(p) => (when?.op === 'in'
                        ? <KeyListInput {...p} keys={Array.isArray(when.value) ? when.value.map(String) : []} testId={`quota-${i}-values`} onChange={(values) => setWhen({ value: values })} />
                        : <input {...p} dir="ltr" value={valueText(when?.value)} onChange={(e) => setWhen({ value: parseValue(when?.op ?? 'eq', e.target.value) })} />)}
                    </Field>
                  )}
                </div>
                <label className="check">
                  <input type="checkbox" checked={!!q.perLocation} onChange={(e) => setQuota(i, { perLocation: e.target.checked || undefined })} />
                  {t('avail.perLocation')}
                </label>
                {q.action === 'end' && (
                  <Field label={t('avail.message', { lang: t(`lang.${activeLang}` as MessageKey) })} hint={t('avail.messageHint')} error={errorFor(`quotas.${i}.message`)}>
                    {(p) => (
                      <textarea {...p} rows={2} maxLength={2000} dir={directionOf(activeLang)} lang={activeLang} value={q.message?.[activeLang] ?? ''}
                        onChange={(e) => setQuota(i, { message: setLocalized(q.message, activeLang, e.target.value) })} />
                    )}
                  </Field>
                )}
                <button type="button" className="secondary" onClick={() => set({ quotas: quotas.filter((_, j) => j !== i) })}>
                  {t('avail.removeQuota', { n: i + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" data-testid="avail-add-quota"
        onClick={() => set({ quotas: [...quotas, { key: `quota_${quotas.length + 1}`, limit: 100, action: 'end', message: {} }] })}>
        {t('avail.addQuota')}
      </button>
      <h3>{t('avail.groups')}</h3>
      <p className="muted small">{t('avail.groupsHint')}</p>
      {groups.map((g, i) => (
        <div className="row" key={i}>
          <Field label={t('avail.group', { n: i + 1 })} hint={t('avail.groupHint')} error={errorFor(`randomGroups.${i}`)}>
            {(p) => <KeyListInput {...p} keys={g} testId={`avail-group-${i}`} onChange={(keys) => set({ randomGroups: groups.map((x, j) => (j === i ? keys : x)) })} />}
          </Field>
          <p><button type="button" className="secondary" onClick={() => set({ randomGroups: groups.filter((_, j) => j !== i) })}>{t('avail.removeGroup', { n: i + 1 })}</button></p>
        </div>
      ))}
      <p><button type="button" className="secondary" onClick={() => set({ randomGroups: [...groups, []] })}>{t('avail.addGroup')}</button></p>
    </section>
  );
}
