/**
 * The audit log's page cursor: the last row's position (its time as PostgreSQL wrote it, and its id), so the
 * next page starts strictly after it in the newest-first order. Opaque to clients (base64url). Pure.
 */
export interface AuditPosition {
  /** created_at as text, exact to the microsecond */
  at: string;
  id: string;
}

export const encodeAuditCursor = (p: AuditPosition): string => btoa(`${p.at}|${p.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The position, or null when the text is not a cursor of this list. */
export function decodeAuditCursor(cursor: string): AuditPosition | null {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|(\d{1,19})$/.exec(text);
  return m ? { at: m[1]!, id: m[2]! } : null;
}
