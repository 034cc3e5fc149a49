/**
 * The contact import in three steps: choose a file (CSV or XLSX) -> see what each column holds (a suggested
 * mapping to change), the first rows and every refused row with its row number, column and reason -> import
 * (all or nothing, or leaving the refused rows out) and see the result. Nothing is written before step 3.
 * Upload progress is shown while the file is sent; the server reads and checks it in one request.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../api.ts';
import { isMessageKey, useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus } from '../../components/index.ts';
import type { MessageKey } from '../../messages/en.ts';
import type { AttributesAnswer, ImportPreviewAnswer, ImportResultAnswer } from '../../../core/api/contacts.ts';
import { IMPORT_FIELDS } from '../../../core/contacts/fields.ts';
import { fileToBase64, postJsonWithProgress } from './upload.ts';

const COUNTRIES = ['RU', 'IR', 'KZ', 'BY', 'UZ', 'TJ', 'AF', 'AM', 'AZ', 'GE', 'KG', 'UA', 'TR', 'AE', 'DE', 'GB', 'FR', 'US'];
/** Problems listed by the server at most (commands/importContacts.ts MAX_ERRORS). */
const MAX_ERRORS = 500;

type Busy = null | { what: 'reading' | 'importing'; sent: number };

export function ImportWizard({ attributes, onImported }: { attributes: AttributesAnswer['attributes']; onImported(): void }) {
  const { t, num, lang } = useI18n();
  const headingId = useId();
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreviewAnswer | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [country, setCountry] = useState<string | null | undefined>(undefined);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultAnswer | null>(null);
  const step = result ? 3 : preview ? 2 : 1;

  const run = async <T,>(what: 'reading' | 'importing', path: string, body: unknown): Promise<T | null> => {
    setBusy({ what, sent: 0 });
    setError(null);
    try {
      return await postJsonWithProgress<T>(path, body, (sent) => setBusy({ what, sent }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const check = async (f: { name: string; data: string }, m?: (string | null)[], c?: string | null) => {
    const answer = await run<ImportPreviewAnswer>('reading', '/contacts/import/preview', {
      fileName: f.name, data: f.data, mapping: m, defaultCountry: c,
    });
    if (answer) {
      setPreview(answer);
      setMapping(answer.mapping);
      setCountry(answer.defaultCountry);
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    if (!picked) return;
    const f = { name: picked.name, data: await fileToBase64(picked) };
    setFile(f);
    setPreview(null);
    setResult(null);
    await check(f);
  };

  const commit = async () => {
    if (!file) return;
    const answer = await run<ImportResultAnswer>('importing', '/contacts/import', {
      fileName: file.name, data: file.data, mapping, defaultCountry: country, skipInvalid,
    });
    if (answer) {
      setResult(answer);
      onImported();
    }
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const dirty = preview && (mapping.some((m, i) => m !== preview.mapping[i]) || country !== preview.defaultCountry);
  const importable = preview && !preview.mappingProblem && !dirty ? preview.creates + preview.updates : 0;
  const blocked = !!preview && preview.rowsRefused > 0 && !skipInvalid;
  // The server's code and values, worded in the interface language (its English `reason` for a code this build lacks).
  const reasonText = (e: ImportPreviewAnswer['errors'][number]) => {
    const key = `ct.err.${e.code}`;
    // Values from the file (a location code, choices) are isolated, so they keep their order inside a Persian sentence.
    const vars = Object.fromEntries(Object.entries(e.vars ?? {}).map(([k, v]) => [k, typeof v === 'string' ? `\u2068${v}\u2069` : v]));
    return isMessageKey(key) ? t(key, vars) : e.reason;
  };
  const targetLabel = (target: string) =>
    target.startsWith('attr:')
      ? t('ct.imp.attr', { label: attributes.find((a) => `attr:${a.key}` === target)?.label ?? target.slice(5) })
      : t(`ct.target.${target}` as MessageKey);

  return (
    <section className="card ct-import" aria-labelledby={headingId} data-testid="contact-import">
      <h2 id={headingId}>{t('ct.imp.title')}</h2>
      <ol className="ct-steps" aria-label={t('ct.imp.steps')}>
        {(['ct.imp.step1', 'ct.imp.step2', 'ct.imp.step3'] as const).map((key, i) => (
          <li key={key} aria-current={step === i + 1 ? 'step' : undefined}>{t(key)}</li>
        ))}
      </ol>
      {step === 1 && (
        <>
          <p className="muted small">{t('ct.imp.fileHint')}</p>
          <Field label={t('ct.imp.file')}>
            {(p) => <input {...p} type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} disabled={!!busy} data-testid="import-file" />}
          </Field>
        </>
      )}
      {busy && (
        <div className="ct-progress">
          {busy.sent < 1 ? (
            <>
              <progress max={1} value={busy.sent} aria-label={t('ct.imp.uploading', { percent: busy.sent })} />
              <span>{t('ct.imp.uploading', { percent: busy.sent })}</span>
            </>
          ) : (
            <>
              <progress aria-label={t(busy.what === 'reading' ? 'ct.imp.reading' : 'ct.imp.importing')} />
              <span>{t(busy.what === 'reading' ? 'ct.imp.reading' : 'ct.imp.importing')}</span>
            </>
          )}
        </div>
      )}
      <ErrorMessage message={error} />
      {step === 2 && preview && file && (
        <>
          <p><bdi dir="auto">{file.name}</bdi></p>
          <h3>{t('ct.imp.mapping')}</h3>
          <div className="ct-mapping">
            {preview.headers.map((header, i) => (
              <Field key={i} label={<bdi dir="auto">{header}</bdi>} hint={preview.sample[0]?.cells[i] ? <bdi dir="auto">{preview.sample[0].cells[i]}</bdi> : undefined}>
                {(p) => (
                  <select {...p} value={mapping[i] ?? ''} data-testid={`map-${i}`}
                    onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}>
                    <option value="">{t('ct.imp.ignore')}</option>
                    {[...IMPORT_FIELDS, ...attributes.map((a) => `attr:${a.key}`)].map((target) => (
                      <option key={target} value={target}>{targetLabel(target)}</option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
          <Field label={t('ct.imp.country')} className="ct-country">
            {(p) => (
              <select {...p} value={country ?? ''} onChange={(e) => setCountry(e.target.value || null)}>
                <option value="">{t('ct.imp.noCountry')}</option>
                {COUNTRIES.map((c) => <option key={c} value={c}>{regionName(c, lang)}</option>)}
              </select>
            )}
          </Field>
          {dirty && (
            <p><button type="button" className="secondary" disabled={!!busy} onClick={() => check(file, mapping, country)} data-testid="import-recheck">{t('ct.imp.recheck')}</button></p>
          )}
          {!dirty && preview.mappingProblem && <p role="alert" className="error error-box">{t('ct.imp.problem', { problem: preview.mappingProblem })}</p>}
          {!dirty && !preview.mappingProblem && (
            <>
              <p data-testid="import-summary">
                {t('ct.imp.summary', { rows: preview.rowsRead, creates: preview.creates, updates: preview.updates, refused: preview.rowsRefused })}
                {preview.merged > 0 && <> {t('ct.imp.merged', { n: preview.merged })}</>}
              </p>
              {preview.errors.length === 0 ? <p className="success">{t('ct.imp.noErrors')}</p> : (
                <div className="ct-scroll">
                  <table className="ct-errors" data-testid="import-errors">
                    <caption>{t('ct.imp.errors')}</caption>
                    <thead><tr><th scope="col">{t('ct.imp.row')}</th><th scope="col">{t('ct.imp.column')}</th><th scope="col">{t('ct.imp.reason')}</th></tr></thead>
                    <tbody>
                      {preview.errors.map((e, i) => (
                        <tr key={i}>
                          <td className="num">{num(e.row, 0)}</td>
                          <td>{e.column ? <bdi dir="auto">{e.column}</bdi> : <span className="muted">{t('ct.imp.wholeRow')}</span>}</td>
                          <td className="ct-reason">{reasonText(e)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {preview.errors.length >= MAX_ERRORS && <p className="muted small">{t('ct.imp.moreErrors', { n: MAX_ERRORS })}</p>}
                </div>
              )}
            </>
          )}
          <h3>{t('ct.imp.sample')}</h3>
          <div className="ct-scroll">
            <table className="ct-sample">
              <thead><tr><th scope="col">{t('ct.imp.row')}</th>{preview.headers.map((h, i) => <th key={i} scope="col"><bdi dir="auto">{h}</bdi></th>)}</tr></thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.row}><td className="num">{num(r.row, 0)}</td>{r.cells.map((c, i) => <td key={i} dir="auto">{c}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rowsRefused > 0 && !dirty && !preview.mappingProblem && (
            <>
              <p className="muted small">{t('ct.imp.allOrNothing')}</p>
              <label className="inline ct-check">
                <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="import-skip" />
                {t('ct.imp.skipInvalid')}
              </label>
            </>
          )}
          <div className="ct-actions">
            <button type="button" disabled={!!busy || importable === 0 || blocked} onClick={commit} data-testid="import-commit">
              {t('ct.imp.commit', { n: importable })}
            </button>
            <button type="button" className="secondary" onClick={restart}>{t('ct.imp.another')}</button>
          </div>
        </>
      )}
      <LiveStatus message={result ? t('ct.imp.done', { created: result.created, updated: result.updated }) : null} kind="success" />
      {step === 3 && <button type="button" className="secondary" onClick={restart}>{t('ct.imp.another')}</button>}
    </section>
  );
}

/** The country's name in the interface language (Intl.DisplayNames), with its code. */
function regionName(code: string, lang: string): string {
  try {
    return `${new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}
