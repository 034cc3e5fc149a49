/**
 * The referral pages' HTML (docs/store-economics.md "Bring a friend" referrals): the promoter's block on the
 * thank-you page (code, plain-text link, copy and share buttons the enhancement script shows) and the
 * friend's invitation page /r/<code> with the code in large type.
 */
import { html, type Html } from '../html.ts';
import { pageText } from '../i18n.ts';
import { renderDocument } from '../render/layout.ts';

/** The promoter's "bring a friend" block under the thanks. */
export function referralBlock(lang: string, code: string, url: string, orgName: string): Html {
  const s = (key: Parameters<typeof pageText>[1]) => pageText(lang, key);
  return html`<section class="rf" aria-labelledby="rf-h"><h2 id="rf-h">${s('referralTitle')}</h2><p>${s('referralText')}</p>
<p>${s('referralCode')}:<strong class="code" data-code><bdi dir="ltr">${code}</bdi></strong></p>
<p>${s('referralLink')}: <span class="url">${url}</span></p>
<div class="bar"><button type="button" data-copy="${url}" hidden>${s('referralCopy')}</button><button type="button" class="sec" data-copy="${url}" data-text="${pageText(lang, 'referralShareText', { org: orgName, code })}" hidden>${s('referralShare')}</button><span id="rf-st" role="status" aria-live="polite" data-ok="${s('referralCopied')}"></span></div></section>`;
}

/** The friend's page: who invites them, and the code to show at the till. */
export function renderInvitationPage(lang: string, orgName: string, code: string, header: Html | '', style: string): string {
  const title = pageText(lang, 'inviteTitle', { org: orgName });
  const body = html`<h1>${title}</h1><p>${pageText(lang, 'inviteText')}</p><p>${pageText(lang, 'inviteCode')}:<strong class="code" data-code><bdi dir="ltr">${code}</bdi></strong></p>`;
  return renderDocument({ lang, title, body, header, style });
}
