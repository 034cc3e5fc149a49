/** The dashboard's only way to the server: the JSON API under /api/v1. */
export class ApiError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string, public readonly details?: unknown) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown, init: { contentType?: string } = {}): Promise<T> {
  // Strings (CSV) and files (a logo) go as they are; everything else as JSON.
  const isRaw = typeof body === 'string' || body instanceof Blob;
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': init.contentType ?? (isRaw ? 'text/plain' : 'application/json') },
    body: body === undefined ? undefined : isRaw ? (body as string | Blob) : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const j = (json ?? {}) as { error?: string; message?: string; details?: unknown };
    if (res.status === 401 && !path.startsWith('/auth/')) window.dispatchEvent(new Event('sarafan:unauthorized'));
    throw new ApiError(res.status, j.error ?? 'http_error', j.message ?? res.statusText, j.details);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const api = {
  get: <T,>(path: string) => request<T>('GET', path),
  post: <T,>(path: string, body?: unknown, init?: { contentType?: string }) => request<T>('POST', path, body ?? {}, init),
  put: <T,>(path: string, body?: unknown, init?: { contentType?: string }) => request<T>('PUT', path, body ?? {}, init),
  patch: <T,>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T,>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined | string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** POST that answers a file (an export): the file and the name from its Content-Disposition; API errors as ApiError. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; fileName: string }> {
  const res = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) {
    const j = (safeJson(await res.text()) ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, j.error ?? 'http_error', j.message ?? res.statusText);
  }
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  return { blob: await res.blob(), fileName };
}
