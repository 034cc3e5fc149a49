/**
 * The "Website widget" section of the distribution page (docs/widget.md): the websites allowed to embed
 * the survey, the triggers, the frequency policy in force and the snippet to paste.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { CopyButton, ErrorMessage, Field, LiveStatus, Loading, useLoad } from '../../components/index.ts';
import { useSession } from '../../shell/session.tsx';
import type { WidgetAnswer, WidgetSettings } from '../../../core/api/widget.ts';
import './widget.css';

/** The command queue line: calls to sarafan('show') made before the loader arrives wait in sarafan.q, which the loader then runs. */
const QUEUE_SNIPPET = '<script>window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)}</script>';

export function WidgetSection({ surveyId }: { surveyId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const editable = can('survey.edit');
  const loaded = useLoad<WidgetAnswer>(`/surveys/${encodeURIComponent(surveyId)}/widget`);
  const [origins, setOrigins] = useState('');
  const [delay, setDelay] = useState('');
  const [exitIntent, setExitIntent] = useState(false);
  const [urlPattern, setUrlPattern] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const settings = loaded.data?.settings;
  useEffect(() => {
    if (!settings) return;
    setOrigins(settings.origins.join('\n'));
    setDelay(settings.delaySeconds === null ? '' : String(settings.delaySeconds));
    setExitIntent(settings.exitIntent);
    setUrlPattern(settings.urlPattern ?? '');
  }, [settings]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const body: WidgetSettings = {
        origins: origins.split(/\s+/).filter(Boolean),
        delaySeconds: delay.trim() === '' ? null : Number(delay),
        exitIntent,
        urlPattern: urlPattern.trim() || null,
      };
      loaded.setData(await api.put<WidgetAnswer>(`/surveys/${encodeURIComponent(surveyId)}/widget`, body));
      setStatus(t('widget.saved'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const data = loaded.data;
  const gap = data?.gapDays ?? 0;
  return (
    <section className="card builder-section widget-section" aria-labelledby="widget-h">
      <h2 id="widget-h">{t('widget.title')}</h2>
      <p className="muted">{t('widget.intro')}</p>
      <ErrorMessage message={loaded.error ? t('shell.error', { message: loaded.error.message }) : error} />
      {!data && !loaded.error && <Loading lines={4} />}
      {data && (
        <>
          {data.problem && <p className="warning" role="note">{t(`widget.problem.${data.problem}` as MessageKey)}</p>}
          {!data.problem && data.settings.origins.length === 0 && <p className="warning" role="note">{t('widget.noOrigins')}</p>}
          <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <Field label={t('widget.origins')} hint={t('widget.originsHint')}>
              {(p) => <textarea {...p} dir="ltr" rows={3} value={origins} readOnly={!editable} onChange={(e) => setOrigins(e.target.value)} />}
            </Field>
            <fieldset className="inline-fieldset column">
              <legend>{t('widget.triggers')}</legend>
              <Field label={t('widget.delay')} hint={t('widget.delayHint')}>
                {(p) => <input {...p} type="number" min={0} max={3600} inputMode="numeric" value={delay} readOnly={!editable} onChange={(e) => setDelay(e.target.value)} />}
              </Field>
              <label className="check">
                <input type="checkbox" checked={exitIntent} disabled={!editable} onChange={(e) => setExitIntent(e.target.checked)} /> {t('widget.exitIntent')}
              </label>
              <Field label={t('widget.urlPattern')} hint={t('widget.urlPatternHint')}>
                {(p) => <input {...p} dir="ltr" maxLength={200} placeholder="/checkout/*" value={urlPattern} readOnly={!editable} onChange={(e) => setUrlPattern(e.target.value)} />}
              </Field>
            </fieldset>
            <p className="muted">{t('widget.policy', { n: gap, dismissed: gap > 0 ? Math.min(3, gap) : 3 })}</p>
            {editable && <p><button type="submit" disabled={busy}>{t('widget.save')}</button></p>}
          </form>
          <LiveStatus message={status} kind="success" />
          <Field label={t('widget.snippet')} hint={t('widget.snippetHint')}>
            {(p) => <textarea {...p} className="url-box" dir="ltr" rows={2} readOnly value={data.snippet} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <p><CopyButton text={data.snippet} name={t('widget.copySnippet')} /></p>
          <p className="muted">{t('widget.jsHint')}</p>
          <div className="row">
            <code className="grow widget-queue" dir="ltr">{QUEUE_SNIPPET}</code>
            <CopyButton text={QUEUE_SNIPPET} name={t('widget.copyQueue')} />
          </div>
        </>
      )}
    </section>
  );
}
