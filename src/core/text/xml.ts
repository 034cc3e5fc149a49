/**
 * @module The one rule for text that goes into XML (SVG posters, SVG chart exports): drop the
 * characters XML 1.0 does not allow at all, then escape the five markup characters. A single
 * U+0001 in a location name or a respondent's hidden-field value otherwise makes the whole
 * document unparseable (XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]; even `&#1;` is not allowed).
 */

/**
 * Characters outside XML 1.0's Char production: C0 controls other than tab, LF and CR; lone
 * surrogate halves (a valid pair is one supplementary character and is kept); U+FFFE and U+FFFF.
 */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export function removeXmlInvalidChars(value: string): string {
  return value.replace(XML_INVALID, '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data or an attribute value (either quote style): invalid characters removed, markup escaped. */
export function escapeXml(value: string): string {
  return removeXmlInvalidChars(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
