/** Public addresses of a survey: the base URL, per-location links and the QR matrix for posters. */
import QRCode from 'qrcode';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import type { QrMatrix } from '../../core/surveys/poster.ts';
import type { LinkLocation } from '../../db/surveys/listLinkLocations.ts';

/** deps.publicUrl when configured (behind a proxy, on posters meant to last), else the request's origin. */
export function publicBase(deps: AppDeps, request: FastifyRequest): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/** The location reference used in `?loc=`: its code when it has one (shorter, readable), else its id. */
export function locationRef(location: Pick<LinkLocation, 'id' | 'code'>): string {
  return location.code || location.id;
}

/** `/s/<slug>` plus `?loc=` and any extra query parameters (e.g. channel=qr). */
export function surveyUrl(base: string, slug: string, location: Pick<LinkLocation, 'id' | 'code'> | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (location) params.set('loc', locationRef(location));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return `${base}/s/${encodeURIComponent(slug)}${query ? `?${query}` : ''}`;
}

/** The QR code for `url` (error correction M: survives a little dirt on a printed poster). */
export function qrMatrix(url: string): QrMatrix {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const modules = qr.modules;
  return { size: modules.size, isDark: (row, col) => !!modules.get(row, col) };
}
