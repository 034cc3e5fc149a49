/** /app/surveys/new: pick one of the five templates or a blank survey; the builder opens next. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, Loading, LiveStatus, PageTitle, useLoad } from '../../components/index.ts';
import type { SurveyTemplatesAnswer } from '../../../core/api/surveys.ts';
import type { SurveyAnswer, SurveyTemplate } from '../types.ts';
import { localize } from '../../../core/surveys/localize.ts';

export function NewSurveyPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading } = useLoad<SurveyTemplatesAnswer>('/survey-templates');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async (template: SurveyTemplate | null) => {
    const key = template?.key ?? 'blank';
    setBusy(key);
    setFailure(null);
    try {
      const body = { ...(template ? { template: template.key } : {}), name: name.trim() || (template ? localize(template.name, lang, 'en') : t('new.blankName')) };
      const res = await api.post<SurveyAnswer>('/surveys', body);
      navigate(`/app/surveys/${res.survey.id}/edit`);
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : String(err));
      setBusy(null);
    }
  };

  return (
    <section>
      <p><Link to="/app/surveys">{t('new.back')}</Link></p>
      <PageTitle title={t('new.title')} />
      <p>{t('new.intro')}</p>
      <div className="form">
        <Field label={t('new.name')} hint={t('new.nameHint')}>
          {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <ErrorMessage message={error ? t('shell.error', { message: error.message }) : failure} />
      <LiveStatus message={busy ? t('new.creating') : null} />
      {loading && !data && <Loading lines={4} />}
      <ul className="template-grid" aria-label={t('new.templates')}>
        {(data?.templates ?? []).map((tpl) => (
          <li key={tpl.key} className="card template-card" data-template={tpl.key}>
            <h2>{localize(tpl.name, lang, 'en')}</h2>
            <p className="muted">{localize(tpl.description, lang, 'en')}</p>
            <p className="small">{t('new.questionCount', { n: tpl.survey.questions.length })}</p>
            <button type="button" disabled={busy !== null} onClick={() => create(tpl)} aria-label={t('new.useOf', { name: localize(tpl.name, lang, 'en') })}>
              {t('new.use')}
            </button>
          </li>
        ))}
        {(data || error) && (
          <li className="card template-card">
            <h2>{t('new.blank')}</h2>
            <p className="muted">{t('new.blankDescription')}</p>
            <p className="small">&nbsp;</p>
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => create(null)}>{t('new.startBlank')}</button>
          </li>
        )}
      </ul>
    </section>
  );
}
