/**
 * The support contact import (/app/support/import; docs/support.md "Importing contact events"): choose a
 * file and how to read it (preset, time zone, declared date format, whether bad rows may be left out),
 * upload it (streamed to the server, with an upload progress bar), follow the import's progress by
 * polling its row, then read the summary with the refused rows (line and reason). Recent imports below.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { StartImportAnswer, SupportImportAnswer, SupportImportsAnswer } from '../../core/api/supportStore.ts';
import { api, ApiError, qs } from '../api.ts';
import { uploadFile, UploadProgress } from '../components/upload.tsx';
import { ErrorMessage, LiveStatus, PageTitle } from '../components/index.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import './import.css';

const PRESETS = ['canonical', 'zendesk', 'servicenow'] as const;
type Preset = (typeof PRESETS)[number];
/** As the server's limit (src/server/support/importRoutes.ts MAX_UPLOAD_BYTES). */
const MAX_MB = 512;
const POLL_MS = 700;

type Phase =
  | { step: 'choose' }
  | { step: 'upload'; loaded: number; total: number }
  | { step: 'import'; imp: SupportImportAnswer }
  | { step: 'summary'; imp: SupportImportAnswer; already: boolean };

export function ImportPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<Preset>('canonical');
  const [timeZone, setTimeZone] = useState(me?.org.timezone ?? 'UTC');
  const [dateFormat, setDateFormat] = useState('');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<SupportImportAnswer[] | null>(null);
  const alive = useRef(true);

  const loadRecent = useCallback(() => {
    api.get<SupportImportsAnswer>('/support/imports').then((r) => alive.current && setRecent(r.imports), () => {});
  }, []);
  useEffect(() => {
    alive.current = true;
    loadRecent();
    return () => {
      alive.current = false;
    };
  }, [loadRecent]);

  // Poll the running import until it ends.
  const running = phase.step === 'import' ? phase.imp.id : null;
  useEffect(() => {
    if (!running) return;
    let stop = false;
    const tick = async () => {
      try {
        const { import: imp } = await api.get<{ import: SupportImportAnswer }>(`/support/imports/${running}`);
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
    if (!file) return setError(t('si.chooseFirst'));
    if (file.size > MAX_MB * 1024 * 1024) return setError(t('si.tooLarge', { mb: MAX_MB }));
    setPhase({ step: 'upload', loaded: 0, total: file.size });
    try {
      const query = qs({ fileName: file.name, preset, timeZone: timeZone.trim(), dateFormat: dateFormat.trim(), skipBadRows: skipBadRows ? 'true' : 'false' });
      const answer = await uploadFile<StartImportAnswer>(`/support/imports${query}`, file, (loaded, total) => setPhase({ step: 'upload', loaded, total }));
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
    <section className="si-page" data-testid="support-import">
      <PageTitle title={t('si.title')} />
      <p className="muted">{t('si.intro')} {t('si.formatsLink')}</p>
      <div className="card">
        {phase.step === 'choose' && (
          <form onSubmit={(e) => void submit(e)} aria-labelledby="si-step-file" noValidate>
            <h2 id="si-step-file">{t('si.step.file')}</h2>
            <div className="si-options">
              <label className="field">
                {t('si.file')}
                <input
                  type="file" accept=".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson,.json" aria-describedby="si-file-hint"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="si-file"
                />
                <small id="si-file-hint" className="muted">{t('si.fileHint', { mb: MAX_MB })}</small>
              </label>
              <label className="field">
                {t('si.preset')}
                <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)} data-testid="si-preset">
                  {PRESETS.map((p) => <option key={p} value={p}>{t(`si.preset.${p}`)}</option>)}
                </select>
              </label>
              <label className="field">
                {t('si.timeZone')}
                <input type="text" dir="ltr" value={timeZone} maxLength={64} onChange={(e) => setTimeZone(e.target.value)} aria-describedby="si-tz-hint" data-testid="si-tz" />
                <small id="si-tz-hint" className="muted">{t('si.timeZoneHint')}</small>
              </label>
              <label className="field">
                {t('si.dateFormat')}
                <input type="text" dir="ltr" value={dateFormat} maxLength={40} placeholder="dd-mm-yyyy HH:MM" onChange={(e) => setDateFormat(e.target.value)} aria-describedby="si-df-hint" data-testid="si-date-format" />
                <small id="si-df-hint" className="muted">{t('si.dateFormatHint')}</small>
              </label>
            </div>
            <label className="si-check">
              <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} aria-describedby="si-skip-hint" data-testid="si-skip" />
              <span>{t('si.skipBadRows')}</span>
            </label>
            <p id="si-skip-hint" className="muted si-hint">{t('si.skipBadRowsHint')}</p>
            <ErrorMessage message={error} />
            <button type="submit" className="primary" data-testid="si-start">{t('si.start')}</button>
          </form>
        )}
        {phase.step === 'upload' && <UploadProgress className="si-progress" label={t('si.progressUpload')} status={t('si.uploading')} value={phase.loaded} max={phase.total} />}
        {phase.step === 'import' && (
          <UploadProgress
            className="si-progress" label={t('si.progressImport')} status={`${t('si.importing')} ${t('si.rowsSoFar', { rows: phase.imp.rowsRead })}`}
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

function Summary({ imp, already, onAgain }: { imp: SupportImportAnswer; already: boolean; onAgain(): void }) {
  const { t, date } = useI18n();
  const timeZone = useSession().me?.org.timezone;
  const rowProblems = imp.problems.filter((p) => p.line > 0);
  let message: { kind: 'success' | 'error'; text: string };
  if (already) message = { kind: 'success', text: t('si.already', { when: date(imp.startedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone }) }) };
  else if (imp.status === 'done') message = { kind: 'success', text: t('si.done', { rows: imp.rowsRead, events: imp.eventsAdded, contacts: imp.contactsTouched }) };
  else if (imp.rowsRefused > 0) message = { kind: 'error', text: t('si.failedRows', { refused: imp.rowsRefused, option: t('si.skipBadRows') }) };
  else message = { kind: 'error', text: t('si.failed', { reason: imp.problems[0]?.reason ?? '' }) };
  return (
    <div className="si-summary" data-testid="si-summary" data-status={already ? 'already' : imp.status}>
      <LiveStatus kind={message.kind} message={message.text} />
      {!already && imp.status === 'done' && imp.rowsRefused > 0 && <p>{t('si.doneWithRefused', { refused: imp.rowsRefused })}</p>}
      {!already && rowProblems.length > 0 && <Problems problems={rowProblems} total={imp.rowsRefused} />}
      <button type="button" className="secondary" onClick={onAgain} data-testid="si-again">{t('si.another')}</button>
    </div>
  );
}

function Problems({ problems, total }: { problems: { line: number; reason: string }[]; total: number }) {
  const { t, num } = useI18n();
  return (
    <div className="si-scroll">
      <table className="si-table" data-testid="si-problems">
        <caption>{t('si.problems')}{total > problems.length ? ` · ${t('si.problemsMore', { shown: problems.length, total })}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">{t('si.col.line')}</th>
            <th scope="col">{t('si.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={`${p.line}-${p.reason}`}>
              <td className="num">{num(p.line, 0)}</td>
              <td dir="ltr" className="si-reason">{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Recent({ imports }: { imports: SupportImportAnswer[] | null }) {
  const { t, num, date } = useI18n();
  const timeZone = useSession().me?.org.timezone;
  if (imports === null) return null;
  return (
    <section className="card" aria-labelledby="si-recent">
      <h2 id="si-recent">{t('si.recent')}</h2>
      {imports.length === 0 ? (
        <p className="muted">{t('si.recentNone')}</p>
      ) : (
        <div className="si-scroll">
          <table className="si-table" data-testid="si-recent">
            <thead>
              <tr>
                <th scope="col">{t('si.col.file')}</th>
                <th scope="col">{t('si.col.started')}</th>
                <th scope="col">{t('si.col.status')}</th>
                <th scope="col">{t('si.col.events')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td><bdi>{i.fileName ?? t('si.api')}</bdi></td>
                  <td><time dateTime={i.startedAt}>{date(i.startedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })}</time></td>
                  <td>{t(`si.status.${i.status}`)}</td>
                  <td className="num">{num(i.eventsAdded, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
