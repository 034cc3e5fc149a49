/** The survey's name, public slug, languages, and its per-language title / intro / thank-you texts. */
import { LANGUAGES } from '../../../core/surveys/types.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import { addressText, type SectionProps } from './props.ts';
import { directionOf } from '../../../core/i18n/languages.ts';
import type { TextField } from './state.ts';
import { ABANDONED_AFTER_HOURS } from '../../../core/surveys/progress.ts';

export function SurveyMeta({ state, dispatch, errorFor, savedSlug, earlierSlugs = [] }: SectionProps & { savedSlug?: string; earlierSlugs?: string[] }) {
  const { t } = useI18n();
  const { survey } = state;
  // Published: printed QR codes carry the address, so say at once that the old one keeps working.
  const slugNote = survey.status !== 'draft' && savedSlug && survey.slug !== savedSlug ? t('life.slugWillRedirect', { old: addressText(savedSlug) }) : null;
  return (
    <section className="card builder-section" aria-labelledby="meta-h">
      <h2 id="meta-h">{t('builder.settings')}</h2>
      <div className="row">
        <Field label={t('builder.name')} hint={t('builder.nameHint')} error={errorFor('name')}>
          {(p) => <input {...p} value={survey.name} maxLength={200} onChange={(e) => dispatch({ type: 'setMeta', field: 'name', value: e.target.value })} />}
        </Field>
        <Field label={t('builder.slug')} hint={t('builder.slugHint')} error={errorFor('slug')}>
          {(p) => (
            <input {...p} dir="ltr" value={survey.slug} maxLength={80} pattern="[a-z0-9][a-z0-9\-]*"
              onChange={(e) => dispatch({ type: 'setMeta', field: 'slug', value: e.target.value.toLowerCase() })} />
          )}
        </Field>
      </div>
      {slugNote && <p className="note" role="status">{slugNote}</p>}
      {earlierSlugs.length > 0 && <p className="muted small">{t('life.earlierSlugs', { slugs: earlierSlugs.map(addressText).join(', ') })}</p>}
      <div className="row">
        <fieldset className="inline-fieldset">
          <legend>{t('builder.languages')}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" checked={survey.languages.includes(l)} disabled={l === survey.defaultLanguage}
                onChange={() => dispatch({ type: 'toggleLanguage', lang: l })} />
              {t(`lang.${l}`)}
            </label>
          ))}
          {errorFor('languages') && <small className="error field-error">{errorFor('languages')}</small>}
        </fieldset>
        <Field label={t('builder.defaultLanguage')} hint={t('builder.defaultLanguageHint')} error={errorFor('defaultLanguage')}>
          {(p) => (
            <select {...p} value={survey.defaultLanguage} onChange={(e) => dispatch({ type: 'setDefaultLanguage', lang: e.target.value })}>
              {survey.languages.map((l) => <option key={l} value={l}>{t(`lang.${l}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="count-partial">
        <label className="check">
          <input type="checkbox" checked={survey.countPartial ?? false} aria-describedby="count-partial-hint"
            onChange={(e) => dispatch({ type: 'setCountPartial', value: e.target.checked })} />
          {t('builder.countPartial')}
        </label>
        <p className="muted small" id="count-partial-hint">{t('builder.countPartialHint', { hours: ABANDONED_AFTER_HOURS })}</p>
      </div>
    </section>
  );
}

const TEXT_FIELDS: TextField[] = ['title', 'intro', 'thanks'];

export function SurveyTexts({ state, dispatch, errorFor }: SectionProps) {
  const { t } = useI18n();
  const { survey, activeLang } = state;
  const fallback = survey.defaultLanguage;
  return (
    <section className="card builder-section" aria-labelledby="texts-h">
      <h2 id="texts-h">{t('builder.texts', { lang: t(`lang.${activeLang}` as MessageKey) })}</h2>
      {TEXT_FIELDS.map((field) => {
        const value = survey[field][activeLang] ?? '';
        const placeholder = activeLang !== fallback ? survey[field][fallback] ?? '' : '';
        const hint = activeLang !== fallback && !value ? t('builder.fallbackHint', { lang: t(`lang.${fallback}` as MessageKey) }) : undefined;
        return (
          <Field key={`${field}-${activeLang}`} label={t(`builder.text.${field}`)} hint={hint} error={errorFor(`${field}`)}>
            {(p) =>
              field === 'title' ? (
                <input {...p} dir={directionOf(activeLang)} lang={activeLang} value={value} placeholder={placeholder} maxLength={300}
                  onChange={(e) => dispatch({ type: 'setText', field, lang: activeLang, value: e.target.value })} />
              ) : (
                <textarea {...p} dir={directionOf(activeLang)} lang={activeLang} rows={2} value={value} placeholder={placeholder} maxLength={2000}
                  onChange={(e) => dispatch({ type: 'setText', field, lang: activeLang, value: e.target.value })} />
              )
            }
          </Field>
        );
      })}
    </section>
  );
}
