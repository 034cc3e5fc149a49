/**
 * A JSON POST under /api/v1 that reports the upload's progress (fetch cannot): the contact import sends
 * files of several megabytes as base64. Errors are ApiErrors like api.ts's, so pages handle both alike.
 */
import { ApiError } from '../../api.ts';

/** @param onProgress - the share of the body sent, 0..1; called with 1 once the server has it all and is working */
export function postJsonWithProgress<T>(path: string, body: unknown, onProgress: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server cannot be reached'));
    xhr.onload = () => {
      let json: any;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(new ApiError(xhr.status, json?.error ?? 'http_error', json?.message ?? xhr.statusText, json?.details));
    };
    xhr.send(JSON.stringify(body));
  });
}

/** The file's bytes as base64, read in the browser. */
export async function fileToBase64(file: Blob): Promise<string> {
  const dataUrl: string = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}
