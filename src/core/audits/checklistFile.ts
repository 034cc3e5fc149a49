/** @module The download name of an exported checklist (docs/audits.md "Checklists"). Pure. */

/**
 * `Content-Disposition` for a checklist named `name`: an ASCII `filename` (letters, digits, "_", "-" and
 * "."; anything else a "-"), so a name cannot break the header or name a path, and the full name in
 * `filename*` (RFC 6266) for browsers that read it.
 */
export function checklistDisposition(name: string): { fileName: string; header: string } {
  const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'checklist';
  const unicode = name.normalize('NFKC').replace(/[\p{C}"\\/:*?<>|]+/gu, '-').trim().slice(0, 80) || 'checklist';
  const fileName = `${ascii}.json`;
  return { fileName, header: `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(`${unicode}.json`)}` };
}
