/** Import locations from CSV (file or pasted text); all-or-nothing, errors name the line. */
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus } from '../../components/index.ts';
import { CSV_HEADER, csvPreview } from './tree.ts';
import type { ImportLocationsAnswer } from '../../../core/api/locations.ts';
import { useSession } from '../../shell/session.tsx';

export function CsvImport({ onImported }: { onImported(): Promise<void> | void }) {
  const { t, num } = useI18n();
  const scoped = useSession().me?.locationPaths != null;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const preview = csvPreview(text);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const res = await api.post<ImportLocationsAnswer>('/locations/import', text, { contentType: 'text/csv' });
      setResult(t('csv.done', { created: num(res.created, 0), updated: num(res.updated, 0) }));
      await onImported();
    } catch (err) {
      // The text stays in the box so the named line can be fixed and sent again.
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card builder-section csv-import" aria-labelledby="csv-h">
      <h2 id="csv-h">{t('csv.title')}</h2>
      <p>{t('csv.intro')} <code dir="ltr">{CSV_HEADER}</code></p>
      <p className="muted small">{t(scoped ? 'csv.scopedIntro' : 'csv.example')}</p>
      <pre className="muted small" dir="ltr">{`${CSV_HEADER}\nNORTH,North region,region,\nS01,Main street store,store,NORTH`}</pre>
      <Field label={t('csv.file')}>{(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={readFile} />}</Field>
      <Field label={t('csv.paste')} hint={text ? (preview.headerOk ? t('csv.preview', { n: preview.rows }) : t('csv.badHeader')) : undefined}>
        {(p) => <textarea {...p} dir="ltr" rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />}
      </Field>
      <ErrorMessage message={error} />
      <LiveStatus message={result} kind="success" />
      <button type="button" disabled={busy || preview.rows === 0} onClick={submit}>{t('csv.import', { n: preview.rows })}</button>
    </section>
  );
}
