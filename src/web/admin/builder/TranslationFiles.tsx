/**
 * The builder's "Translation files" section (docs/api.md "Translation files"): download the survey's texts as XLIFF 2 (one file per
 * language) or CSV (every language), upload a translated file, and see what changed and what is still missing.
 */
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import type { TranslationReport } from '../../../core/api/surveys.ts';
import type { SurveyDef } from '../../../core/surveys/types.ts';
import type { SurveyDetailAnswer } from '../types.ts';

export function TranslationFiles({ survey, dirty, onLoaded }: { survey: SurveyDef; dirty: boolean; onLoaded: (survey: SurveyDef) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TranslationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/surveys/${encodeURIComponent(survey.id)}/translations`;
  const langName = (l: string) => t(`lang.${l}` as MessageKey);
  const targets = survey.languages.filter((l) => l !== survey.defaultLanguage);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const csv = /\.(csv|txt)$/i.test(file.name);
      const answer = await api.post<TranslationReport>(`/surveys/${encodeURIComponent(survey.id)}/translations`, await file.text(), {
        contentType: csv ? 'text/csv' : 'application/xliff+xml',
      });
      setReport(answer);
      // The texts changed on the server: the editor shows them (nothing unsaved is lost: uploads wait for a save).
      if (answer.updated > 0) onLoaded((await api.get<SurveyDetailAnswer>(`/surveys/${encodeURIComponent(survey.id)}`)).survey);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card builder-section" aria-labelledby="translations-h">
      <h2 id="translations-h">{t('translations.title')}</h2>
      <p className="muted">{t('translations.hint')}</p>
      <p className="toolbar">
        {targets.map((l) => (
          <a key={l} href={`${base}?format=xliff&source=${survey.defaultLanguage}&target=${l}`} download>
            {t('translations.xliff', { lang: langName(l) })}
          </a>
        ))}
        <a href={`${base}?format=csv`} download>{t('translations.csv')}</a>
      </p>
      <label className="field">
        <span>{t('translations.upload')}</span>
        <input type="file" accept=".xlf,.xliff,.xml,.csv" disabled={busy || dirty} onChange={upload} />
      </label>
      {dirty && <p className="muted">{t('translations.saveFirst')}</p>}
      <div role="status" aria-live="polite">
        {report && (
          <div className="translation-report">
            <p>{t('translations.updated', { n: report.updated })}</p>
            {report.missing.length === 0 ? (
              <p>{t('translations.complete')}</p>
            ) : (
              <>
                <p>{t('translations.missing', { n: report.missing.length })}</p>
                <ul>
                  {report.missing.map((m) => (
                    <li key={`${m.key}/${m.lang}`}><code dir="ltr">{m.key}</code> — {langName(m.lang)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
