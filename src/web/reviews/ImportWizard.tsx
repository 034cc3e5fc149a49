/**
 * The review import, in three steps on one panel: choose a file (and a source and scale for rows that
 * do not say theirs), check the column mapping, the counts, the rows with errors and the first rows
 * (POST /reviews/import/preview, nothing written), then import (POST /reviews/import) and read the summary.
 */
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { sourceLabel } from './sourceLabel.ts';
import { ErrorMessage, LiveStatus } from '../components/LiveStatus.tsx';
import type { ReviewImportPreview, ReviewImportResult } from '../../core/api/reviews.ts';
import { REVIEW_FIELDS, type ReviewField } from '../../core/reviews/columns.ts';

type Format = 'csv' | 'xlsx' | 'jsonl';
const MAX_BYTES = 15 * 1024 * 1024;
/** The server's mapping problems (by the field it names) in the interface language. */
const NEEDS: Record<string, 'rv.import.need.date' | 'rv.import.need.text' | 'rv.import.need.source'> = {
  'mapping.date': 'rv.import.need.date',
  'mapping.text': 'rv.import.need.text',
  source: 'rv.import.need.source',
};

/** The format of a file by its name. */
export function formatOf(name: string): Format | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  return null;
}

async function fileContent(file: File, format: Format): Promise<string> {
  if (format !== 'xlsx') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Loaded {
  format: Format;
  content: string;
}

export function ImportWizard({ onImported }: { onImported(): void }) {
  const { t, num } = useI18n();
  const [file, setFile] = useState<Loaded | null>(null);
  const [source, setSource] = useState('');
  const [scale, setScale] = useState<5 | 10>(5);
  const [mapping, setMapping] = useState<Partial<Record<ReviewField, string | null>>>({});
  const [preview, setPreview] = useState<ReviewImportPreview | null>(null);
  const [result, setResult] = useState<ReviewImportResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const body = (f: Loaded, m: Partial<Record<ReviewField, string | null>>, s = source, sc = scale) => ({
    format: f.format, content: f.content, mapping: m, source: s.trim() || null, ratingScale: sc,
  });

  const runPreview = async (f: Loaded, m: Partial<Record<ReviewField, string | null>>, s = source, sc = scale) => {
    setBusy(t('rv.import.reading'));
    setError(null);
    try {
      setPreview(await api.post<ReviewImportPreview>('/reviews/import/preview', body(f, m, s, sc)));
    } catch (err) {
      setPreview(null);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setResult(null);
    setPreview(null);
    setMapping({});
    if (!chosen) return setFile(null);
    const format = formatOf(chosen.name);
    if (!format) return setError(t('rv.import.unknownFormat'));
    if (chosen.size > MAX_BYTES) return setError(t('rv.import.tooLarge'));
    const loaded = { format, content: await fileContent(chosen, format) };
    setFile(loaded);
    await runPreview(loaded, {});
  };

  const remap = (field: ReviewField, header: string) => {
    const next = { ...mapping, [field]: header === '' ? null : header };
    setMapping(next);
    if (file) void runPreview(file, next);
  };

  const commit = async () => {
    if (!file) return;
    setBusy(t('rv.import.importing'));
    setError(null);
    try {
      setResult(await api.post<ReviewImportResult>('/reviews/import', body(file, mapping)));
      setPreview(null);
      onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setMapping({});
  };

  return (
    <section className="card rv-import" aria-labelledby="rv-import-title" data-testid="review-import">
      <h2 id="rv-import-title">{t('rv.import.title')}</h2>
      <p className="muted">{t('rv.import.help')}</p>
      {result ? (
        <>
          <LiveStatus kind="success" message={t('rv.import.done', { added: result.added, duplicates: result.duplicates, errors: result.errorRows })} />
          {result.errors.length > 0 && <ErrorTable errors={result.errors} />}
          <button type="button" className="secondary" onClick={restart}>{t('rv.import.again')}</button>
        </>
      ) : (
        <>
          <div className="rv-import-options">
            <label className="field">
              {t('rv.import.file')}
              <input type="file" accept=".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson,.json" onChange={(e) => void choose(e)} data-testid="import-file" />
            </label>
            <label className="field">
              {t('rv.import.defaultSource')}
              <input
                type="text" value={source} maxLength={40} dir="auto" placeholder={t('rv.import.defaultSourceHint')}
                onChange={(e) => setSource(e.target.value)} onBlur={() => file && void runPreview(file, mapping)} data-testid="import-source"
              />
            </label>
            <label className="field">
              {t('rv.import.scale')}
              <select
                value={scale}
                onChange={(e) => {
                  const sc = e.target.value === '10' ? 10 : 5;
                  setScale(sc);
                  if (file) void runPreview(file, mapping, source, sc);
                }}
                data-testid="import-scale"
              >
                <option value="5">{t('rv.import.scale5')}</option>
                <option value="10">{t('rv.import.scale10')}</option>
              </select>
            </label>
          </div>
          <LiveStatus message={busy} />
          <ErrorMessage message={error} />
          {preview && (
            <>
              <fieldset className="rv-mapping">
                <legend>{t('rv.import.mapping')}</legend>
                <p className="muted">{t('rv.import.mappingHint')}</p>
                <div className="rv-mapping-grid">
                  {REVIEW_FIELDS.map((f) => (
                    <label key={f} className="field">
                      {t(`rv.import.field.${f}`)}
                      <select value={preview.mapping[f] ?? ''} onChange={(e) => remap(f, e.target.value)} data-testid={`map-${f}`}>
                        <option value="">{t('rv.import.notUsed')}</option>
                        {preview.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                      </select>
                    </label>
                  ))}
                </div>
              </fieldset>
              {preview.mappingProblem ? (
                <p role="alert" className="error error-box" data-testid="mapping-problem">{t(NEEDS[preview.mappingProblem.field] ?? 'rv.import.need.date')}</p>
              ) : (
                <p className="rv-counts" data-testid="import-counts">
                  {t('rv.import.counts', { rows: preview.rows, fresh: preview.fresh, duplicates: preview.duplicates, errors: preview.errorRows })}
                </p>
              )}
              {preview.errors.length > 0 && <ErrorTable errors={preview.errors} />}
              {preview.sample.length > 0 && (
                <div className="rv-scroll">
                  <table className="rv-sample">
                    <caption>{t('rv.import.sample')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rv.import.col.row')}</th>
                        <th scope="col">{t('rv.import.col.status')}</th>
                        <th scope="col">{t('rv.col.source')}</th>
                        <th scope="col">{t('rv.col.rating')}</th>
                        <th scope="col">{t('rv.col.date')}</th>
                        <th scope="col">{t('rv.col.location')}</th>
                        <th scope="col">{t('rv.col.text')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.sample.map((s) => (
                        <tr key={s.row} className={s.status === 'duplicate' ? 'muted' : undefined}>
                          <td className="num">{num(s.row, 0)}</td>
                          <td>{t(`rv.import.status.${s.status}`)}</td>
                          <td><bdi>{sourceLabel(t, s.source)}</bdi></td>
                          <td className="num">{s.rating === null ? '—' : t('rv.ratingOf', { rating: s.rating, scale: s.ratingScale ?? 5 })}</td>
                          <td><Published at={s.publishedAt} /></td>
                          <td><bdi>{s.location ?? '—'}</bdi></td>
                          <td dir="auto" className="rv-text">{s.text}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <button type="button" className="primary" disabled={preview.fresh === 0 || preview.mappingProblem !== null || busy !== null} onClick={() => void commit()} data-testid="import-commit">
                {preview.fresh === 0 ? t('rv.import.nothing') : t('rv.import.commit', { n: preview.fresh })}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Published({ at }: { at: string }) {
  const { date } = useI18n();
  const timeZone = useSession().me?.org.timezone;
  return <time dateTime={at}>{date(at, { dateStyle: 'medium', timeZone })}</time>;
}

/** The rows with errors (the server lists at most 200; the counts above cover all). */
function ErrorTable({ errors }: { errors: { row: number; field: ReviewField | null; message: string }[] }) {
  const { t, num } = useI18n();
  return (
    <div className="rv-scroll">
      <table className="rv-errors" data-testid="import-errors">
        <caption>{t('rv.import.errors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rv.import.col.row')}</th>
            <th scope="col">{t('rv.import.col.field')}</th>
            <th scope="col">{t('rv.import.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="num">{num(e.row, 0)}</td>
              <td>{e.field ? t(`rv.import.field.${e.field}`) : '—'}</td>
              <td dir="ltr" className="rv-problem">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
