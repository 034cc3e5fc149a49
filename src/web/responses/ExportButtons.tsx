/**
 * CSV and XLSX downloads of the responses in the current filters, with honest progress: the server
 * says how many responses the file holds (X-Total-Count) before it streams them; a CSV download
 * counts the rows as they arrive ("1,200 of 5,000 responses written"), an XLSX download (compressed,
 * rows not countable on the way) shows the size received. The file is handed to the browser once
 * complete. Cancel aborts the request.
 */
import { useRef, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { attachmentName, csvRecordCounter } from './csvRecords.ts';

type Format = 'csv' | 'xlsx';

interface Progress {
  format: Format;
  total: number | null;
  rows: number;
  bytes: number;
}

/** @param path - API path of the export without its extension and with the query string to append */
export function ExportButtons({ basePath, query }: { basePath: string; query: string }) {
  const { t, num, lang } = useI18n();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);

  const run = async (format: Format) => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus(t('rs.export.starting'));
    setProgress({ format, total: null, rows: 0, bytes: 0 });
    try {
      const sep = query ? '&' : '?';
      const res = await fetch(`/api/v1${basePath}.${format}${query}${sep}lang=${lang}`, { credentials: 'same-origin', signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => ({}));
        throw new Error((body as { message?: string }).message ?? res.statusText);
      }
      const total = Number(res.headers.get('x-total-count') ?? NaN);
      const counter = csvRecordCounter();
      const chunks: Uint8Array[] = [];
      const reader = res.body.getReader();
      let rows = 0;
      let bytes = 0;
      let shown = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        chunks.push(r.value);
        bytes += r.value.length;
        // The first record is the header row.
        if (format === 'csv') rows = Math.max(0, counter.push(r.value) - 1);
        const now = Date.now();
        if (now - shown > 150) {
          shown = now;
          setProgress({ format, total: Number.isFinite(total) ? total : null, rows, bytes });
        }
      }
      setProgress({ format, total: Number.isFinite(total) ? total : null, rows, bytes });
      const name = attachmentName(res.headers.get('content-disposition'), `responses.${format}`);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(t('rs.export.done', { name }));
    } catch (e) {
      if (controller.signal.aborted) setStatus(t('rs.export.cancelled'));
      else setStatus(t('rs.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const size = (b: number) => (b >= 1048576 ? `${num(b / 1048576, 1)} MB` : `${num(Math.ceil(b / 1024), 0)} KB`);
  let text = '';
  if (progress && progress.total !== null) {
    text = progress.format === 'csv'
      ? t('rs.export.rows', { done: num(progress.rows, 0), total: progress.total })
      : t('rs.export.bytes', { size: size(progress.bytes), total: progress.total });
  }

  return (
    <section className="rs-export" aria-labelledby="rs-export-title">
      <h2 id="rs-export-title" className="visually-hidden">{t('rs.export.title')}</h2>
      <div className="rs-export-buttons">
        <button type="button" className="secondary" disabled={busy} onClick={() => run('csv')} data-testid="export-csv">{t('rs.export.csv')}</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => run('xlsx')} data-testid="export-xlsx">{t('rs.export.xlsx')}</button>
        {busy && <button type="button" className="link-button" onClick={() => abort.current?.abort()}>{t('rs.export.cancel')}</button>}
      </div>
      {progress && progress.total !== null && (
        <progress
          aria-label={t('rs.export.progress')}
          max={progress.format === 'csv' ? Math.max(progress.total, 1) : undefined}
          value={progress.format === 'csv' ? Math.min(progress.rows, progress.total) : undefined}
        />
      )}
      {/* Progress is visible but not announced at every step; the live region says start and end. */}
      {text && <p className="muted rs-export-status" data-testid="export-progress">{text}</p>}
      <p className="muted rs-export-status" role="status" aria-live="polite" data-testid="export-status">{status}</p>
      <p className="muted small">{t('rs.export.hint')}</p>
    </section>
  );
}
