/** Composes a respondent link with language, channel and hidden fields (key=value pairs from the URL). */
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { CopyButton, Field } from '../../components/index.ts';
import type { SurveyLink } from '../types.ts';
import { hiddenKeyProblem } from '../../../core/responses/hiddenFields.ts';
import { buildSurveyUrl, type HiddenField } from './links.ts';

const CHANNELS = ['', 'email', 'sms', 'web', 'qr', 'kiosk', 'whatsapp', 'telegram'];

export function HiddenFieldsBuilder({ publicUrl, links, languages }: { publicUrl: string; links: SurveyLink[]; languages: string[] }) {
  const { t } = useI18n();
  const [base, setBase] = useState('');
  const [lang, setLang] = useState('');
  const [channel, setChannel] = useState('');
  const [fields, setFields] = useState<HiddenField[]>([{ key: '', value: '' }]);
  const baseUrl = links.find((l) => l.locationId === base)?.url ?? publicUrl;
  const result = buildSurveyUrl(new URL(baseUrl, window.location.origin).toString(), { lang, channel, fields });
  const setField = (i: number, patch: Partial<HiddenField>) => setFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <section className="card builder-section" aria-labelledby="hidden-h">
      <h2 id="hidden-h">{t('dist.hiddenTitle')}</h2>
      <p className="muted">{t('dist.hiddenIntro')}</p>
      <div className="row">
        <Field label={t('dist.base')}>
          {(p) => (
            <select {...p} value={base} onChange={(e) => setBase(e.target.value)}>
              <option value="">{t('dist.basePublic')}</option>
              {links.map((l) => <option key={l.locationId} value={l.locationId ?? ''}>{l.locationName}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('dist.lang')}>
          {(p) => (
            <select {...p} value={lang} onChange={(e) => setLang(e.target.value)}>
              <option value="">{t('dist.langAuto')}</option>
              {languages.map((l) => <option key={l} value={l}>{t(`lang.${l}` as MessageKey)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('dist.channel')} hint={t('dist.channelHint')}>
          {(p) => (
            <select {...p} value={channel} onChange={(e) => setChannel(e.target.value)}>
              {CHANNELS.map((c) => <option key={c} value={c}>{c ? t(`channel.${c}` as MessageKey) : t('dist.channelNone')}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="inline-fieldset column">
        <legend>{t('dist.hiddenFields')}</legend>
        {fields.map((f, i) => {
          const problem = f.key ? hiddenKeyProblem(f.key) : null;
          return (
            <div key={i} className="row choice-row">
              <Field label={t('dist.fieldName', { n: i + 1 })} error={problem ? t(`dist.keyProblem.${problem}`) : null}>
                {(p) => <input {...p} dir="ltr" value={f.key} maxLength={40} onChange={(e) => setField(i, { key: e.target.value.trim() })} />}
              </Field>
              <Field label={t('dist.fieldValue', { n: i + 1 })}>
                {(p) => <input {...p} value={f.value} maxLength={200} onChange={(e) => setField(i, { value: e.target.value })} />}
              </Field>
              <button type="button" className="secondary" onClick={() => setFields(fields.filter((_, j) => j !== i))} aria-label={t('dist.removeField', { n: i + 1 })}>✕</button>
            </div>
          );
        })}
        <p><button type="button" className="secondary" onClick={() => setFields([...fields, { key: '', value: '' }])}>{t('dist.addField')}</button></p>
      </fieldset>
      <Field label={t('dist.result')}>
        {(p) => <input {...p} className="url-box" dir="ltr" readOnly value={result} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <p><CopyButton text={result} /></p>
    </section>
  );
}
