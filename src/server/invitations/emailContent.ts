/**
 * The invitation e-mail of a message: subject, plain text and HTML in the message's language (right to
 * left for Persian), the first question's scores as personal links, the opt-out link. Everything a
 * user wrote (survey texts, names) is escaped in the HTML.
 */
import { directionOf } from '../../core/i18n/languages.ts';
import { invitationMailCatalogue } from './emailMessages.ts';
import type { InvitationMessage } from './sender.ts';

const t = invitationMailCatalogue.formatMessage;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface InvitationEmail {
  subject: string;
  text: string;
  html: string;
}

/** A line break and control characters in a header would forge headers; survey titles are one line. */
const oneLine = (s: string) => s.replace(/[\r\n\t\u0000-\u001f]+/g, ' ').trim();

export function invitationEmail(msg: InvitationMessage): InvitationEmail {
  const lang = msg.language;
  const dir = directionOf(lang);
  const subject = oneLine(t(lang, msg.seq === 0 ? 'subject' : 'reminderSubject', { survey: msg.survey.title || msg.orgName }));
  const greeting = msg.contact.name ? t(lang, 'greeting', { name: msg.contact.name }) : t(lang, 'greetingNoName');
  const intro = t(lang, msg.seq === 0 ? 'intro' : 'reminderIntro', { org: msg.orgName });
  const q = msg.firstQuestion;

  const text = [
    greeting, '', intro, '',
    ...(q ? [q.text, t(lang, 'scoreHint'), ...q.scores.map((s) => `${s.label}: ${s.url}`), ''] : []),
    `${t(lang, 'open')}: ${msg.link}`, '', t(lang, 'personal'), t(lang, 'unsubscribeText', { link: msg.unsubscribeUrl }), '',
  ].join('\n');

  const align = dir === 'rtl' ? 'right' : 'left';
  const button = 'display:inline-block;min-width:28px;padding:8px 6px;margin:2px;border:1px solid #1f5fbf;border-radius:6px;color:#1f5fbf;text-decoration:none;text-align:center;font-weight:bold';
  const scores = q
    ? `<p style="margin:16px 0 4px">${escapeHtml(q.text)}</p><p style="margin:0 0 8px;color:#555">${escapeHtml(t(lang, 'scoreHint'))}</p>` +
      `<p dir="ltr" style="margin:0 0 16px;text-align:${align}">${q.scores
        .map((s) => `<a href="${escapeHtml(s.url)}" style="${button}">${escapeHtml(s.label)}</a>`)
        .join('')}</p>`
    : '';
  const html = `<!doctype html><html lang="${escapeHtml(lang)}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7"><div dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px;background:#fff;font-family:Tahoma,Arial,sans-serif;font-size:15px;line-height:1.5;color:#222;text-align:${align}">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>${scores}
<p><a href="${escapeHtml(msg.link)}" style="display:inline-block;padding:10px 18px;background:#1f5fbf;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t(lang, 'open'))}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(t(lang, 'personal'))}<br><a href="${escapeHtml(msg.unsubscribeUrl)}" style="color:#666">${escapeHtml(t(lang, 'unsubscribe'))}</a></p>
</div></body></html>`;
  return { subject, text, html };
}
