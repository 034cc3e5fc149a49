/**
 * Imports of footfall, transactions and shifts (/app/stores/imports; docs/store-economics.md "Imports: footfall,
 * transactions, shifts"): choose the kind and the file; the file's first 64 kB go to the preview endpoint, which
 * answers its columns and the suggested mapping (a select per canonical field, pre-filled); then the zone, the date
 * format, the location of rows without one and whether bad rows may be left out. The upload shows a byte progress
 * bar, then the job's progress, then the outcome with the refused rows (line and reason). Past imports below.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { StartStoreImportAnswer, StoreImportAnswer, StoreImportPreviewAnswer, StoreImportsAnswer } from '../../core/api/storeImports.ts';
import { api, ApiError, qs } from '../api.ts';
import { ErrorMessage, LiveStatus, PageTitle } from '../components/index.ts';
import { uploadFile, UploadProgress } from '../components/upload.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import './storeImports.css';

const KINDS = ['transactions', 'footfall', 'shifts'] as const;
type Kind = (typeof KINDS)[number];
/** The fields each kind cannot do without (one of the alternatives; see src/core/storeImports/fields.ts). */
const REQUIRED: Record<Kind, readonly string[]> = {
  transactions: ['location', 'at', 'amount'],
  footfall: ['location', 'hour', 'visitors'],
  shifts: ['location'],
};
/** As the server's limit (src/server/files/upload.ts MAX_UPLOAD_BYTES). */
const MAX_MB = 512;
const PREVIEW_BYTES = 64 * 1024;
const POLL_MS = 700;

type Phase =
  | { step: 'choose' }
  | { step: 'upload'; loaded: number; total: number }
  | { step: 'import'; imp: StoreImportAnswer }
  | { step: 'summary'; imp: StoreImportAnswer; already: boolean };

type Preview = { state: 'none' } | { state: 'loading' } | { state: 'ready'; answer: StoreImportPreviewAnswer };

export function StoreImportsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [kind, setKind] = useState<Kind>('transactions');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview>({ state: 'none' });
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [timeZone, setTimeZone] = useState(me?.org.timezone ?? 'UTC');
  const [dateFormat, setDateFormat] = useState('');
  const [location, setLocation] = useState('');
  const [locations, setLocations] = useState<LocationsAnswer['locations']>([]);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<StoreImportAnswer[] | null>(null);
  const alive = useRef(true);

  const loadRecent = useCallback(() => {
    api.get<StoreImportsAnswer>('/store-imports').then((r) => alive.current && setRecent(r.imports), () => {});
  }, []);
  useEffect(() => {
    alive.current = true;
    loadRecent();
    api.get<LocationsAnswer>('/locations').then((r) => alive.current && setLocations(r.locations), () => {});
    return () => {
      alive.current = false;
    };
  }, [loadRecent]);

  // The file's columns, read again when the file or the kind changes; an older answer never replaces a newer one.
  useEffect(() => {
    if (!file) {
      setPreview({ state: 'none' });
      return;
    }
    let stale = false;
    setPreview({ state: 'loading' });
    api.post<StoreImportPreviewAnswer>(`/store-imports/preview${qs({ kind, fileName: file.name })}`, file.slice(0, PREVIEW_BYTES), { contentType: 'application/octet-stream' })
      .then((answer) => {
        if (stale) return;
        setPreview({ state: 'ready', answer });
        setMapping(answer.suggested);
      }, (err) => {
        if (stale) return;
        setPreview({ state: 'none' });
        setError(err instanceof ApiError ? err.message : String(err));
      });
    return () => {
      stale = true;
    };
  }, [file, kind]);

  // Poll the running import until it ends.
  const running = phase.step === 'import' ? phase.imp.id : null;
  useEffect(() => {
    if (!running) return;
    let stop = false;
    const tick = async () => {
      try {
        const { import: imp } = await api.get<{ import: StoreImportAnswer }>(`/store-imports/${running}`);
        if (stop) return;
        if (imp.status === 'running') {
          setPhase({ step: 'import', imp });
          timer = setTimeout(tick, POLL_MS);
        } else {
          setPhase({ step: 'summary', imp, already: false });
          loadRecent();
        }
      } catch (err) {
        if (!stop) setError(err instanceof ApiError ? err.message : String(err));
      }
    };
    let timer = setTimeout(tick, POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [running, loadRecent]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) return setError(t('sti.chooseFirst'));
    if (file.size > MAX_MB * 1024 * 1024) return setError(t('sti.tooLarge', { mb: MAX_MB }));
    setPhase({ step: 'upload', loaded: 0, total: file.size });
    try {
      // Only the columns the form shows: an XLSX file (no preview) is read with the default names and synonyms.
      const columns = preview.state === 'ready' ? preview.answer.columns : null;
      const chosen = columns ? Object.fromEntries(preview.state === 'ready' ? preview.answer.fields.map((f) => [f, mapping[f] ?? '']) : []) : {};
      const query = qs({
        kind, fileName: file.name, timeZone: timeZone.trim(), dateFormat: dateFormat.trim(), location,
        skipBadRows: skipBadRows ? 'true' : 'false', mapping: columns ? JSON.stringify(chosen) : '',
      });
      const answer = await uploadFile<StartStoreImportAnswer>(`/store-imports${query}`, file, (loaded, total) => setPhase({ step: 'upload', loaded, total }));
      if (answer.alreadyImported && answer.import.status !== 'running') setPhase({ step: 'summary', imp: answer.import, already: true });
      else setPhase({ step: 'import', imp: answer.import });
    } catch (err) {
      setPhase({ step: 'choose' });
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const restart = () => {
    setPhase({ step: 'choose' });
    setFile(null);
    setError(null);
  };

  return (
    <section className="sti-page" data-testid="store-imports">
      <PageTitle title={t('sti.title')} />
      <p className="muted">{t('sti.intro')}</p>
      <div className="card">
        {phase.step === 'choose' && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <h2 id="sti-step-file">{t('sti.step.file')}</h2>
            <div className="sti-options">
              <label className="field">
                {t('sti.kind')}
                <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="sti-kind">
                  {KINDS.map((k) => <option key={k} value={k}>{t(`sti.kind.${k}`)}</option>)}
                </select>
              </label>
              <label className="field">
                {t('sti.file')}
                <input
                  type="file" accept=".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson,.json" aria-describedby="sti-file-hint"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="sti-file"
                />
                <small id="sti-file-hint" className="muted">{t('sti.fileHint', { mb: MAX_MB })}</small>
              </label>
            </div>
            <Columns kind={kind} preview={preview} mapping={mapping} onChange={(field, column) => setMapping((m) => ({ ...m, [field]: column }))} />
            <h2>{t('sti.step.reading')}</h2>
            <div className="sti-options">
              <label className="field">
                {t('sti.timeZone')}
                <input type="text" dir="ltr" value={timeZone} maxLength={64} onChange={(e) => setTimeZone(e.target.value)} aria-describedby="sti-tz-hint" data-testid="sti-tz" />
                <small id="sti-tz-hint" className="muted">{t('sti.timeZoneHint')}</small>
              </label>
              <label className="field">
                {t('sti.dateFormat')}
                <input type="text" dir="ltr" value={dateFormat} maxLength={40} placeholder="dd.mm.yyyy HH:MM" onChange={(e) => setDateFormat(e.target.value)} aria-describedby="sti-df-hint" />
                <small id="sti-df-hint" className="muted">{t('sti.dateFormatHint')}</small>
              </label>
              <label className="field">
                {t('sti.location')}
                <select value={location} onChange={(e) => setLocation(e.target.value)} data-testid="sti-location">
                  <option value="">{t('sti.locationNone')}</option>
                  {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}{l.code ? ` (${l.code})` : ''}</option>)}
                </select>
              </label>
            </div>
            <label className="sti-check">
              <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} aria-describedby="sti-skip-hint" data-testid="sti-skip" />
              <span>{t('sti.skipBadRows')}</span>
            </label>
            <p id="sti-skip-hint" className="muted sti-hint">{t('sti.skipBadRowsHint')}</p>
            <ErrorMessage message={error} />
            <button type="submit" className="primary" data-testid="sti-start">{t('sti.start')}</button>
          </form>
        )}
        {phase.step === 'upload' && <UploadProgress className="sti-progress" label={t('sti.progressUpload')} status={t('sti.uploading')} value={phase.loaded} max={phase.total} />}
        {phase.step === 'import' && (
          <UploadProgress
            className="sti-progress" label={t('sti.progressImport')} status={`${t('sti.importing')} ${t('sti.rowsSoFar', { rows: phase.imp.rowsRead })}`}
            value={phase.imp.bytesRead} max={phase.imp.bytesTotal ?? 0}
          />
        )}
        {phase.step === 'summary' && <Summary imp={phase.imp} already={phase.already} onAgain={restart} />}
        {phase.step !== 'choose' && <ErrorMessage message={error} />}
      </div>
      <Recent imports={recent} />
    </section>
  );
}

function Columns({ kind, preview, mapping, onChange }: { kind: Kind; preview: Preview; mapping: Record<string, string>; onChange(field: string, column: string): void }) {
  const { t } = useI18n();
  let body;
  if (preview.state === 'none') body = <p className="muted">{t('sti.columnsNone')}</p>;
  else if (preview.state === 'loading') body = <LiveStatus message={t('sti.columnsReading')} />;
  else if (preview.answer.columns === null) body = <p className="muted" data-testid="sti-columns-xlsx">{t('sti.columnsXlsx')}</p>;
  else {
    const columns = preview.answer.columns;
    body = (
      <>
        <p className="muted">{t('sti.columnsIntro')}</p>
        <div className="sti-options sti-mapping" data-testid="sti-mapping">
          {preview.answer.fields.map((field) => (
            <label className="field" key={field}>
              <span>
                {t(`sti.field.${field}` as MessageKey)}
                {REQUIRED[kind].includes(field) && <small className="muted"> ({t('sti.required')})</small>}
              </span>
              <select value={mapping[field] ?? ''} onChange={(e) => onChange(field, e.target.value)} data-testid={`sti-map-${field}`}>
                <option value="">{t('sti.notInFile')}</option>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          ))}
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="sti-step-columns" aria-live="polite">
      <h2 id="sti-step-columns">{t('sti.step.columns')}</h2>
      {body}
    </section>
  );
}

function Summary({ imp, already, onAgain }: { imp: StoreImportAnswer; already: boolean; onAgain(): void }) {
  const { t, date } = useI18n();
  const timeZone = useSession().me?.org.timezone;
  const rowProblems = imp.problems.filter((p) => p.line > 0);
  let message: { kind: 'success' | 'error'; text: string };
  if (already) message = { kind: 'success', text: t('sti.already', { when: date(imp.startedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone }) }) };
  else if (imp.status === 'done') message = { kind: 'success', text: t('sti.done', { rows: imp.rowsRead, stored: imp.rowsStored }) };
  else if (imp.rowsRefused > 0) message = { kind: 'error', text: t('sti.failedRows', { refused: imp.rowsRefused, option: t('sti.skipBadRows') }) };
  else message = { kind: 'error', text: t('sti.failed', { reason: imp.problems[0]?.reason ?? '' }) };
  return (
    <div className="sti-summary" data-testid="sti-summary" data-status={already ? 'already' : imp.status}>
      <LiveStatus kind={message.kind} message={message.text} />
      {!already && imp.status === 'done' && imp.rowsRefused > 0 && <p>{t('sti.doneWithRefused', { refused: imp.rowsRefused })}</p>}
      {!already && rowProblems.length > 0 && <Problems problems={rowProblems} total={imp.rowsRefused} />}
      <button type="button" className="secondary" onClick={onAgain} data-testid="sti-again">{t('sti.another')}</button>
    </div>
  );
}

function Problems({ problems, total }: { problems: { line: number; reason: string }[]; total: number }) {
  const { t, num } = useI18n();
  return (
    <div className="sti-scroll">
      <table className="sti-table" data-testid="sti-problems">
        <caption>{t('sti.problems')}{total > problems.length ? ` · ${t('sti.problemsMore', { shown: problems.length, total })}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sti.col.line')}</th>
            <th scope="col">{t('sti.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={`${p.line}-${p.reason}`}>
              <td className="num">{num(p.line, 0)}</td>
              <td dir="ltr" className="sti-reason">{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Recent({ imports }: { imports: StoreImportAnswer[] | null }) {
  const { t, num, date } = useI18n();
  const timeZone = useSession().me?.org.timezone;
  if (imports === null) return <LiveStatus message="…" />;
  return (
    <section className="card" aria-labelledby="sti-recent">
      <h2 id="sti-recent">{t('sti.recent')}</h2>
      {imports.length === 0 ? (
        <p className="muted">{t('sti.recentNone')}</p>
      ) : (
        <div className="sti-scroll">
          <table className="sti-table" data-testid="sti-recent">
            <caption className="visually-hidden">{t('sti.recent')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sti.col.file')}</th>
                <th scope="col">{t('sti.col.kind')}</th>
                <th scope="col">{t('sti.col.started')}</th>
                <th scope="col">{t('sti.col.status')}</th>
                <th scope="col">{t('sti.col.rows')}</th>
                <th scope="col">{t('sti.col.refused')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td><bdi>{i.fileName ?? ''}</bdi></td>
                  <td>{t(`sti.kind.${i.kind}`)}</td>
                  <td><time dateTime={i.startedAt}>{date(i.startedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })}</time></td>
                  <td>{t(`sti.status.${i.status}`)}</td>
                  <td className="num">{num(i.rowsStored, 0)}</td>
                  <td className="num">{num(i.rowsRefused, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
