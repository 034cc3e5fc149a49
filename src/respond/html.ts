/**
 * A tiny HTML builder that escapes by default: every interpolation in html`...` is escaped unless it
 * is itself an Html fragment, so user and survey text can only reach a page as text.
 */

/** A fragment that is already safe HTML. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped (arrays joined, null/boolean dropped). */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new Html(out);
}

/** Marks trusted markup (static CSS, the script) as safe. Never pass user or survey text. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}
