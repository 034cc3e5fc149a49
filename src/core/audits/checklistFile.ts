/** @module The download name of an exported checklist (docs/audits.md "Checklists"). Pure. */
import { attachmentDisposition } from '../text/disposition.ts';

/** `Content-Disposition` for a checklist named `name` (attachmentDisposition: safe ASCII name plus the full one in `filename*`). */
export function checklistDisposition(name: string): { fileName: string; header: string } {
  return attachmentDisposition(name, 'json', 'checklist');
}
