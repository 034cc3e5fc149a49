/**
 * @module What a contact adds to the hidden fields of a response given through a personal link: the
 * segment (key `segment`) and the attributes marked as dimensions, by their keys, as text. The analytics
 * group answers by hidden fields whose keys are the organisation's dimensions (orgs.dimensions, Settings),
 * so a marked attribute shows on the dashboards once its key is listed there too. Pure.
 */
import type { AttributeDef, AttributeValue } from './attributes.ts';

/** The part of a contact these fields come from. */
export interface ContactForHidden {
  segment: string | null;
  attributes: Record<string, AttributeValue>;
  erasedAt?: string | null;
}

/**
 * The hidden fields to merge into the response (the contact's values win over the link's parameters of
 * the same key). Nothing personal is copied: only the segment and dimension attributes; an erased contact
 * gives nothing. Numbers are written as JavaScript prints them (`12.5`), dates as YYYY-MM-DD.
 */
export function contactHiddenFields(contact: ContactForHidden, attributeDefs: readonly AttributeDef[]): Record<string, string> {
  if (contact.erasedAt) return {};
  const hidden: Record<string, string> = {};
  if (contact.segment) hidden.segment = contact.segment;
  for (const def of attributeDefs) {
    const value = contact.attributes[def.key];
    if (def.dimension && value !== undefined && value !== '') hidden[def.key] = String(value);
  }
  return hidden;
}
