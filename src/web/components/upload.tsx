/**
 * File uploads of the import pages (support contacts, store imports): the file posted as the body with upload
 * progress (fetch cannot report it), and the progress bar with its live status. Imported by the import pages'
 * chunks directly (not through components/index.ts, which the first view loads).
 */
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { LiveStatus } from './LiveStatus.tsx';

/** POST the file itself to `/api/v1<path>` with upload progress; resolves with the JSON answer. */
export function uploadFile<T>(path: string, file: File, onProgress: (loaded: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let json: { error?: string; message?: string } = {};
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(new ApiError(xhr.status, json.error ?? 'http_error', json.message ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', xhr.statusText || 'network error'));
    xhr.send(file);
  });
}

/** A progress bar (`value` of `max`; indeterminate without a max) with a live status line. */
export function UploadProgress({ label, status, value, max, className }: { label: string; status: string; value: number; max: number; className: string }) {
  const { num } = useI18n();
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div className={className} data-testid={`${className}`}>
      <LiveStatus message={status} />
      <progress aria-label={label} value={max > 0 ? value : undefined} max={max > 0 ? max : undefined} />
      {max > 0 && <span className="upload-percent" aria-hidden="true">{num(share * 100, 0)}%</span>}
    </div>
  );
}
