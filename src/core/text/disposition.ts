/** @module `Content-Disposition` of a downloaded file named after user-written text (a checklist, a report). Pure. */

/**
 * `Content-Disposition: attachment` for a file named `name`.`ext`: an ASCII `filename` (letters, digits, "_", "-"
 * and "."; anything else a "-"), so a name cannot break the header or name a path, and the full name in
 * `filename*` (RFC 6266) for browsers that read it; `fallback` when nothing of the name is left.
 */
export function attachmentDisposition(name: string, ext: string, fallback: string): { fileName: string; header: string } {
  const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || fallback;
  const unicode = name.normalize('NFKC').replace(/[\p{C}"\\/:*?<>|]+/gu, '-').trim().slice(0, 80) || fallback;
  const fileName = `${ascii}.${ext}`;
  return { fileName, header: `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(`${unicode}.${ext}`)}` };
}
