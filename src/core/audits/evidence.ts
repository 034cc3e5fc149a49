/**
 * @module Photo and audio evidence of a visit (docs/audits.md "Evidence"): the accepted types, the size
 * limits and the check that the bytes really are the type the upload claims (magic numbers). Pure; no I/O.
 */
import { detectLogoType } from '../branding/branding.ts';

export const EVIDENCE_FILE_KINDS = ['photo', 'audio'] as const;
export type EvidenceFileKind = (typeof EVIDENCE_FILE_KINDS)[number];

export const EVIDENCE_TYPES: Record<EvidenceFileKind, readonly string[]> = {
  photo: ['image/jpeg', 'image/png', 'image/webp'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/ogg', 'audio/wav'],
};

/** Largest upload per kind, in bytes. */
export const EVIDENCE_MAX_BYTES: Record<EvidenceFileKind, number> = { photo: 10 * 1024 * 1024, audio: 30 * 1024 * 1024 };

/** Unlinked uploads (never submitted with a visit) older than this are deleted by the sweep. */
export const UNLINKED_EVIDENCE_HOURS = 24;

const at = (bytes: Uint8Array, offset: number, ascii: string) =>
  bytes.length >= offset + ascii.length && [...ascii].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

/** The type the bytes are, among EVIDENCE_TYPES, or null. */
export function detectEvidenceType(bytes: Uint8Array): string | null {
  const image = detectLogoType(bytes);
  if (image) return image;
  if (at(bytes, 0, 'RIFF') && at(bytes, 8, 'WEBP')) return 'image/webp';
  if (at(bytes, 0, 'RIFF') && at(bytes, 8, 'WAVE')) return 'audio/wav';
  if (at(bytes, 0, 'OggS')) return 'audio/ogg';
  if (bytes.length > 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm';
  if (at(bytes, 4, 'ftyp')) return 'audio/mp4';
  if (at(bytes, 0, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame without an ID3 tag: 11 sync bits.
  if (bytes.length > 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) return 'audio/mpeg';
  return null;
}

/** The declared Content-Type without parameters, lower case ("audio/webm;codecs=opus" -> "audio/webm"). */
export function baseContentType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Why an upload is refused, or null when it is accepted: the declared type must be one of the kind's and
 * the bytes must be that type.
 */
export function evidenceTypeProblem(kind: EvidenceFileKind, declared: string, bytes: Uint8Array): string | null {
  const allowed = EVIDENCE_TYPES[kind];
  if (!allowed.includes(declared)) return `${kind === 'audio' ? 'a recording' : 'a photo'} must be sent as ${allowed.join(', ')} (got ${declared || 'no Content-Type'})`;
  if (bytes.length === 0) return 'the file is empty';
  const actual = detectEvidenceType(bytes);
  if (actual !== declared) return `the file is not ${declared}${actual ? ` (it looks like ${actual})` : ''}`;
  return null;
}
