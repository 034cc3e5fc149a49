/** The HTML document shared by every respondent page, and the short message pages (thanks, closed, errors). */
import { PAGE_CSS, PAGE_SCRIPT } from '../assets.ts';
import { html, raw, type Html } from '../html.ts';
import { directionOf } from '../../core/i18n/languages.ts';
import { pageText, type PageMessageKey } from '../i18n.ts';

export interface DocumentOptions {
  lang: string;
  title: string;
  body: Html;
  /** Include the enhancement script (survey forms only). */
  script?: boolean;
  /** A notice above the page (the author's preview); outside <main>, so it stays after the enhanced thank-you. */
  banner?: string;
  /** The organisation's accent CSS (render/brand.ts); its hash joins the page's CSP (pageReply.ts sendPage). */
  style?: string;
  /** The organisation's logo header (render/brand.ts). */
  header?: Html | '';
}

/** A complete page: one response with inline CSS (and script), so the first view needs no other request. */
export function renderDocument(opts: DocumentOptions): string {
  return html`<!doctype html>
<html lang="${opts.lang}" dir="${directionOf(opts.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,">
<title>${opts.title}</title><style>${raw(PAGE_CSS)}</style>${opts.style ? html`<style>${raw(opts.style)}</style>` : ''}</head>
<body>${opts.banner ? html`<p class="pv" role="status">${opts.banner}</p>` : ''}${opts.header ?? ''}<main>${opts.body}</main>${opts.script ? html`<script>${raw(PAGE_SCRIPT)}</script>` : ''}</body></html>`.value;
}

/** A heading and one paragraph, e.g. "This survey is closed". */
export function renderMessagePage(lang: string, title: string, text: string): string {
  return renderDocument({ lang, title, body: html`<h1 tabindex="-1">${title}</h1><p>${text}</p>` });
}

export type MessageKind = 'closed' | 'notFound' | 'rateLimited' | 'error' | 'tooLarge';

/** One of the standard message pages in the language. */
export function renderStandardMessage(kind: MessageKind, lang: string): string {
  const s = (key: PageMessageKey) => pageText(lang, key);
  switch (kind) {
    case 'closed':
      return renderMessagePage(lang, s('closedTitle'), s('closedText'));
    case 'notFound':
      return renderMessagePage(lang, s('notFoundTitle'), s('notFoundText'));
    case 'rateLimited':
      return renderMessagePage(lang, s('rateLimitedTitle'), s('rateLimitedText'));
    case 'tooLarge':
      return renderMessagePage(lang, s('errorTitle'), s('tooLargeText'));
    default:
      return renderMessagePage(lang, s('errorTitle'), s('errorText'));
  }
}
