/**
 * The Telegram channel end to end against a local fake of the Bot API (test/helpers/fakeTelegram.ts):
 * connecting a bot, a survey answered in the chat through the webhook (buttons, a comment, thanks),
 * idempotency on the update id, the webhook's secret, languages, long polling and invitations.
 * Expected texts are the survey's own (test/respond/factory.ts) and Telegram's documented shapes.
 */
import { selectAudience } from '../../src/db/invitations/waves.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithOwner, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buttonUpdate, startFakeTelegram, textUpdate, type FakeTelegram, type RecordedCall } from '../helpers/fakeTelegram.ts';
import { buildSurvey, npsQuestions, type SurveyFixture } from '../respond/factory.ts';
import { createTelegramSender } from '../../src/server/telegram/telegramSender.ts';
import { PermanentSendError } from '../../src/server/invitations/sender.ts';
import { invitationRuntime } from '../../src/server/invitations/runtime.ts';

const BOT = { id: 700_001, username: 'sarafan_shop_bot', token: '700001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' };
const POLL_BOT = { id: 700_002, username: 'sarafan_poll_bot', token: '700002:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsbx' };
const SERVER_SECRET = 'a long random server secret for this test file';

let fake: FakeTelegram;
let server: TestServer;
let owner: Client;
let orgId: string;
let storeId: string;
let survey: SurveyFixture;
let hook: { url: string; secret: string };
let nextUpdateId = 5000;
/** The bots the fake knows (a test adds some). */
const fakeBots = [BOT, POLL_BOT];

beforeAll(async () => {
  fake = await startFakeTelegram(fakeBots);
  process.env.TELEGRAM_API_ROOT = fake.url;
  process.env.SARAFAN_SECRET = SERVER_SECRET;
  server = await startTestServer();
  const built = await buildOrgWithOwner(server, 'Telegram Shop', 'owner@tg.test');
  owner = built.owner;
  orgId = built.org.orgId;
  storeId = built.store.id;
  survey = await buildSurvey(server.pool, orgId, { questions: npsQuestions() });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

/** An invitations pipeline message (src/server/messengers/channelSender.ts) for the Telegram sender. */
const invitation = (invitationId: string, contactId: string, language = 'en', seq = 0) => ({
  orgId, orgName: 'Telegram Shop', invitationId, seq, language, contact: { id: contactId, phone: null, name: 'Anna' },
  survey: { id: survey.id, title: 'Your visit' }, link: 'https://x.test/i/abc', unsubscribeUrl: 'https://x.test/u/abc',
});

/** Posts an update to the webhook as Telegram does. */
async function deliver(update: Record<string, unknown>, secret = hook.secret) {
  const res = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
  return res.status;
}

const sentTo = (chatId: number) => (c: RecordedCall) => c.method === 'sendMessage' && c.payload.chat_id === chatId;
const texts = (keyboard: any[][] | undefined) => (keyboard ?? []).map((row) => row.map((b) => b.text));
const lastSent = (chatId: number) => fake.calls.filter(sentTo(chatId)).at(-1)!;
/** The callback data of the button labelled `label` in a sent message. */
function buttonData(call: RecordedCall, label: string): string {
  const b = (call.payload.reply_markup?.inline_keyboard ?? []).flat().find((x: any) => x.text === label);
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(call.payload.reply_markup)}`);
  return b.callback_data;
}

describe('connecting a bot', () => {
  it('refuses a token Telegram does not know, and a location-scoped or non-admin user', async () => {
    const bad = await owner.put('/api/v1/org/telegram', { token: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', mode: 'webhook' });
    expect([bad.status, bad.json.message]).toEqual([400, 'token: Telegram does not accept this token']);
    const noToken = await owner.put('/api/v1/org/telegram', { mode: 'polling' });
    expect(noToken.status).toBe(400);
    expect((await owner.get('/api/v1/org/telegram')).json.connected).toBe(false);
    await buildUser(server.pool, orgId, 'analyst', 'analyst@tg.test');
    await buildUser(server.pool, orgId, 'admin', 'store-admin@tg.test', [storeId]);
    for (const email of ['analyst@tg.test', 'store-admin@tg.test']) {
      const other = await signIn(server.baseUrl, email);
      expect((await other.put('/api/v1/org/telegram', { token: BOT.token, mode: 'polling' })).status).toBe(403);
      expect((await other.get('/api/v1/org/telegram')).status).toBe(403);
    }
    expect(fake.callsOf('getMe', BOT.token)).toHaveLength(0);
  });

  it('checks the token with getMe, sets the webhook with a secret token and stores the token sealed', async () => {
    const res = await owner.put('/api/v1/org/telegram', { token: BOT.token, mode: 'webhook' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ connected: true, placeholder: false, username: BOT.username, mode: 'webhook', lastError: null });
    const set = fake.callsOf('setWebhook', BOT.token).at(-1)!;
    expect(set.payload.url).toBe(res.json.webhookUrl);
    expect(set.payload.url).toMatch(new RegExp(`^${server.baseUrl}/telegram/webhook/[0-9a-f]{32}$`));
    expect(set.payload.secret_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(set.payload.allowed_updates).toEqual(['message', 'callback_query']);
    hook = { url: set.payload.url, secret: set.payload.secret_token };
    const stored = await server.pool.query(`select token, webhook_secret_hash from telegram_bots where org_id = $1`, [orgId]);
    expect(stored.rows[0].token).toMatch(/^v1:/);
    expect(JSON.stringify(stored.rows)).not.toContain(BOT.token.split(':')[1]);
    expect(JSON.stringify(stored.rows)).not.toContain(hook.secret);
    expect(JSON.stringify((await owner.get('/api/v1/org/telegram')).json)).not.toContain(BOT.token.split(':')[1]);
  });

  it('gives each survey a deep link t.me/<bot>?start=<slug> with a QR code', async () => {
    const res = await owner.get(`/api/v1/surveys/${survey.id}/telegram`);
    expect(res.status).toBe(200);
    expect(res.json.link).toBe(`https://t.me/${BOT.username}?start=${survey.slug}`);
    expect(Buffer.from(res.json.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
  });
});

describe('the webhook', () => {
  it('answers 403 to a wrong or missing secret token and 404 to an unknown path, and handles nothing', async () => {
    const before = fake.calls.length;
    expect(await deliver(textUpdate(nextUpdateId++, 9001, `/start ${survey.slug}`), 'wrong-secret')).toBe(403);
    const missing = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(textUpdate(nextUpdateId++, 9001, '/start')) });
    expect(missing.status).toBe(403);
    const unknown = await fetch(hook.url.replace(/[0-9a-f]{32}$/, '0'.repeat(32)), { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': hook.secret }, body: '{"update_id":1}' });
    expect(unknown.status).toBe(404);
    expect(fake.calls.length).toBe(before);
    const chats = await server.pool.query(`select count(*)::int as n from telegram_chats where org_id = $1`, [orgId]);
    expect(chats.rows[0].n).toBe(0);
  });
});

describe('a survey answered in the chat', () => {
  const chat = 424_242;

  it('/start <survey> asks the first question with NPS buttons in two rows', async () => {
    expect(await deliver(textUpdate(nextUpdateId++, chat, `/start ${survey.slug}`))).toBe(200);
    const first = lastSent(chat);
    expect(first.payload.text).toBe('Your visit\n\nHow likely are you to recommend us to a friend?\n\n0: Not at all likely · 10: Extremely likely');
    expect(texts(first.payload.reply_markup.inline_keyboard)).toEqual([['0', '1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);
    expect(buttonData(first, '9')).toMatch(/^[A-Za-z0-9]{4,16}:0:9$/);
    // The chat became a contact named as in Telegram, in the person's language.
    const contact = await server.pool.query(
      `select c.name, c.language from telegram_chats t join contacts c on c.org_id = t.org_id and c.id = t.contact_id where t.org_id = $1 and t.chat_id = $2`,
      [orgId, chat],
    );
    expect(contact.rows).toEqual([{ name: 'Anna Petrova', language: 'en' }]);
    // The invitations pipeline finds the contact's Telegram address through the chat (telegram_chats).
    const linked = await server.pool.query(`select contact_id from telegram_chats where org_id = $1 and chat_id = $2`, [orgId, chat]);
    const [audience] = await selectAudience(server.pool, orgId, { contactIds: [linked.rows[0].contact_id] }, 1);
    expect(audience.telegramChatId).toBe(String(chat));
  });

  it('a button answers and asks the next question; a comment is stored; the end thanks; one response', async () => {
    const first = lastSent(chat);
    const press = buttonUpdate(nextUpdateId++, chat, buttonData(first, '9'), first.result.message_id);
    expect(await deliver(press)).toBe(200);
    expect(fake.callsOf('answerCallbackQuery').at(-1)!.payload.callback_query_id).toBe(press.callback_query.id);
    const edit = fake.callsOf('editMessageReplyMarkup').at(-1)!;
    expect([edit.payload.message_id, edit.payload.reply_markup]).toEqual([first.result.message_id, { inline_keyboard: [] }]);
    // 9 is a promoter: the "why?" question in its promoter wording, optional (a Skip button).
    const why = lastSent(chat);
    expect(why.payload.text).toBe('What did you like most?\n\nType your answer as a message, or press Skip.');
    expect(texts(why.payload.reply_markup.inline_keyboard)).toEqual([['Skip']]);

    expect(await deliver(textUpdate(nextUpdateId++, chat, 'Friendly staff, "fast" checkout'))).toBe(200);
    const stars = lastSent(chat);
    expect(stars.payload.text).toBe('How satisfied are you with our service?');
    expect(texts(stars.payload.reply_markup.inline_keyboard)).toEqual([['1', '2', '3', '4', '5'], ['Skip']]);

    const last = buttonUpdate(nextUpdateId++, chat, buttonData(stars, '5'), stars.result.message_id);
    expect(await deliver(last)).toBe(200);
    // "What went wrong?" is only for scores up to 6: the survey ends with its thanks.
    expect(lastSent(chat).payload.text).toBe('Thanks for helping us improve.');

    const stored = await server.pool.query(
      `select r.channel, r.language, r.contact_id = t.contact_id as linked, q.key, a.score, a.text
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
         join questions q on q.org_id = a.org_id and q.id = a.question_id
         join telegram_chats t on t.org_id = r.org_id and t.chat_id = $2
        where r.org_id = $1 order by q.position`,
      [orgId, chat],
    );
    expect(stored.rows).toEqual([
      { channel: 'telegram', language: 'en', linked: true, key: 'nps', score: 9, text: null },
      { channel: 'telegram', language: 'en', linked: true, key: 'why', score: null, text: 'Friendly staff, "fast" checkout' },
      { channel: 'telegram', language: 'en', linked: true, key: 'service', score: 5, text: null },
    ]);

    // The same update delivered again (Telegram retries when unsure): no second response, no second thanks.
    const sentBefore = fake.callsOf('sendMessage').length;
    expect(await deliver(last)).toBe(200);
    expect(fake.callsOf('sendMessage').length).toBe(sentBefore);
    const count = await server.pool.query(`select count(*)::int as n from responses where org_id = $1`, [orgId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('an old button after the end, or text with no survey open, gets a polite answer and stores nothing', async () => {
    const first = fake.calls.filter(sentTo(chat))[0];
    expect(await deliver(buttonUpdate(nextUpdateId++, chat, buttonData(first, '3'), first.result.message_id))).toBe(200);
    expect(fake.callsOf('answerCallbackQuery').at(-1)!.payload.text).toBe('This survey has ended.');
    expect(await deliver(textUpdate(nextUpdateId++, chat, 'hello?'))).toBe(200);
    expect(lastSent(chat).payload.text).toBe('Hello! Open a survey link or scan a QR code to answer a survey here.');
    const count = await server.pool.query(`select count(*)::int as n from responses where org_id = $1`, [orgId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('a /start delivered twice starts one conversation and asks once', async () => {
    const start = textUpdate(nextUpdateId++, 515_151, `/start ${survey.slug}`);
    expect(await deliver(start)).toBe(200);
    expect(await deliver(start)).toBe(200);
    expect(fake.calls.filter(sentTo(515_151))).toHaveLength(1);
    const convs = await server.pool.query(`select count(*)::int as n from telegram_conversations where org_id = $1 and chat_id = 515151`, [orgId]);
    expect(convs.rows[0].n).toBe(1);
  });

  it('replies are sent again for a re-delivered update whose replies had not gone out', async () => {
    const chatId = 616_161;
    fake.failNext('sendMessage', 502, 'Bad Gateway');
    const start = textUpdate(nextUpdateId++, chatId, `/start ${survey.slug}`);
    // Telegram's 502 is a refusal of that call: the update counts as handled, its reply is skipped.
    expect(await deliver(start)).toBe(200);
    expect(fake.calls.filter(sentTo(chatId))).toHaveLength(1);
    // An update whose replies were never marked sent is replayed on re-delivery (as after a crash).
    await server.pool.query(`update telegram_updates set sent_at = null where org_id = $1 and update_id = $2`, [orgId, start.update_id]);
    expect(await deliver(start)).toBe(200);
    expect(fake.calls.filter(sentTo(chatId))).toHaveLength(2);
    expect(lastSent(chatId).payload.text).toContain('How likely are you to recommend us to a friend?');
  });

  it('a detractor chooses several reasons (toggled with ✓) and presses Done', async () => {
    const chatId = 717_171;
    expect(await deliver(textUpdate(nextUpdateId++, chatId, `/start ${survey.slug}`))).toBe(200);
    let q = lastSent(chatId);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, '3'), q.result.message_id));
    q = lastSent(chatId);
    expect(q.payload.text).toBe('What disappointed you?\n\nType your answer as a message, or press Skip.');
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Skip'), q.result.message_id));
    q = lastSent(chatId);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Skip'), q.result.message_id));
    q = lastSent(chatId);
    expect(q.payload.text).toBe('What went wrong?\n\nChoose one or more, then press Done.');
    expect(texts(q.payload.reply_markup.inline_keyboard)).toEqual([['Price'], ['Waiting time'], ['Staff'], ['Done'], ['Skip']]);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Staff'), q.result.message_id));
    let redraw = fake.callsOf('editMessageReplyMarkup').at(-1)!;
    expect(texts(redraw.payload.reply_markup.inline_keyboard)).toEqual([['Price'], ['Waiting time'], ['✓ Staff'], ['Done'], ['Skip']]);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Price'), q.result.message_id));
    redraw = fake.callsOf('editMessageReplyMarkup').at(-1)!;
    expect(texts(redraw.payload.reply_markup.inline_keyboard)).toEqual([['✓ Price'], ['Waiting time'], ['✓ Staff'], ['Done'], ['Skip']]);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Done'), q.result.message_id));
    expect(lastSent(chatId).payload.text).toBe('Thanks for helping us improve.');
    const stored = await server.pool.query(
      `select a.score, a.choices from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
         join telegram_chats t on t.org_id = r.org_id and t.contact_id = r.contact_id where r.org_id = $1 and t.chat_id = $2 order by a.score nulls last`,
      [orgId, chatId],
    );
    expect(stored.rows).toEqual([{ score: 3, choices: null }, { score: null, choices: ['price', 'staff'] }]);
  });

  it('a text where a button is expected asks to press a button', async () => {
    const chatId = 818_181;
    await deliver(textUpdate(nextUpdateId++, chatId, `/start ${survey.slug}`));
    await deliver(textUpdate(nextUpdateId++, chatId, 'ten'));
    expect(lastSent(chatId).payload.text).toBe('Please choose one of the buttons above.');
  });

  it('an unknown survey or a closed one is said so', async () => {
    await deliver(textUpdate(nextUpdateId++, 919_191, '/start no-such-survey'));
    expect(lastSent(919_191).payload.text).toBe('This survey link does not work. Please check the link or QR code.');
    const closed = await buildSurvey(server.pool, orgId, { status: 'closed' });
    await deliver(textUpdate(nextUpdateId++, 919_191, `/start ${closed.slug}`));
    expect(lastSent(919_191).payload.text).toBe('This survey is closed. Thank you for your interest!');
  });

  it('a survey outside its schedule is said closed; a full "end" quota ends the chat with its message, not "closed"', async () => {
    const late = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set closes_at = '2020-01-01T00:00:00Z' where id = $1`, [late.id]);
    await deliver(textUpdate(nextUpdateId++, 929_292, `/start ${late.slug}`));
    expect(lastSent(929_292).payload.text).toBe('This survey is closed. Thank you for your interest!');

    const full = await buildSurvey(server.pool, orgId, { questions: [npsQuestions()[0]] });
    const quotas = [{ key: 'one', limit: 1, action: 'end', message: { en: 'We already have all the answers we need. Thank you!' } }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [full.id, JSON.stringify(quotas)]);
    for (const chat of [939_393, 949_494]) {
      await deliver(textUpdate(nextUpdateId++, chat, `/start ${full.slug}`));
      const q = lastSent(chat);
      await deliver(buttonUpdate(nextUpdateId++, chat, buttonData(q, '8'), q.result.message_id));
    }
    expect(lastSent(939_393).payload.text).toBe('Thanks for helping us improve.');
    expect(lastSent(949_494).payload.text).toBe('We already have all the answers we need. Thank you!');
    const n = await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [orgId, full.id]);
    expect(n.rows[0].n).toBe(1);
  });
});

describe('languages', () => {
  it('asks in Russian for a Russian Telegram', async () => {
    await deliver(textUpdate(nextUpdateId++, 321_001, `/start ${survey.slug}`, 'ru'));
    const q = lastSent(321_001);
    expect(q.payload.text).toBe('Ваш визит\n\nНасколько вероятно, что вы порекомендуете нас другу?\n\n0: Совсем маловероятно · 10: Очень вероятно');
    await deliver(buttonUpdate(nextUpdateId++, 321_001, buttonData(q, '5'), q.result.message_id, 'ru'));
    const why = lastSent(321_001);
    expect(why.payload.text).toBe('Что вас разочаровало?\n\nНапишите ответ сообщением или нажмите «Пропустить».');
    expect(texts(why.payload.reply_markup.inline_keyboard)).toEqual([['Пропустить']]);
  });

  it('asks in Persian, with Persian digits on the buttons', async () => {
    await deliver(textUpdate(nextUpdateId++, 321_002, `/start ${survey.slug}`, 'fa'));
    const q = lastSent(321_002);
    expect(q.payload.text).toBe('بازدید شما\n\nچقدر احتمال دارد ما را به یک دوست توصیه کنید؟\n\n۰: اصلاً · ۱۰: بسیار زیاد');
    expect(texts(q.payload.reply_markup.inline_keyboard)).toEqual([['۰', '۱', '۲', '۳', '۴', '۵'], ['۶', '۷', '۸', '۹', '۱۰']]);
    expect(buttonData(q, '۱۰')).toMatch(/:0:10$/);
  });

  it('falls back to the survey default for another language', async () => {
    const ruOnly = await buildSurvey(server.pool, orgId, { languages: ['ru'], defaultLanguage: 'ru' });
    await deliver(textUpdate(nextUpdateId++, 321_003, `/start ${ruOnly.slug}`, 'de'));
    expect(lastSent(321_003).payload.text).toContain('Насколько вероятно, что вы порекомендуете нас другу?');
  });
});

describe('invitations to contacts who started the bot', () => {
  it('sends the invitation text with the first question; the answer is linked to the invitation', async () => {
    const chatId = 424_242; // started the bot above
    const { rows: [chat] } = await server.pool.query(`select contact_id from telegram_chats where org_id = $1 and chat_id = $2`, [orgId, chatId]);
    const { rows: [inv] } = await server.pool.query(
      `insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash) values ($1, $2, $3, 'telegram', md5(random()::text)) returning id`,
      [orgId, survey.id, chat.contact_id],
    );
    const sender = createTelegramSender(server.pool);
    const result = await sender.send(invitation(inv.id, chat.contact_id, 'en'));
    const sent = lastSent(chatId);
    expect(result.providerId).toBe(String(sent.result.message_id));
    expect(sent.payload.text).toBe(
      'Telegram Shop would like to hear about your experience.\n\nYour visit\n\nHow likely are you to recommend us to a friend?\n\n0: Not at all likely · 10: Extremely likely' +
        '\n\nTo get no more survey invitations here, send /stop.',
    );
    expect(texts(sent.payload.reply_markup.inline_keyboard)).toEqual([['0', '1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);

    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(sent, '10'), sent.result.message_id));
    let q = lastSent(chatId);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Skip'), q.result.message_id));
    q = lastSent(chatId);
    await deliver(buttonUpdate(nextUpdateId++, chatId, buttonData(q, 'Skip'), q.result.message_id));
    expect(lastSent(chatId).payload.text).toBe('Thanks for helping us improve.');
    const linked = await server.pool.query(
      `select r.invitation_id, r.contact_id, i.response_id = r.id as marked, i.responded_at is not null as responded
         from survey_invitations i join responses r on r.org_id = i.org_id and r.invitation_id = i.id where i.org_id = $1 and i.id = $2`,
      [orgId, inv.id],
    );
    expect(linked.rows).toEqual([{ invitation_id: inv.id, contact_id: chat.contact_id, marked: true, responded: true }]);
  });

  it('refuses a contact who never started the bot, and marks a chat that blocked the bot', async () => {
    const sender = createTelegramSender(server.pool);
    const { rows: [stranger] } = await server.pool.query(`insert into contacts(org_id, name) values ($1, 'Stranger') returning id`, [orgId]);
    const { rows: [inv1] } = await server.pool.query(
      `insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash) values ($1, $2, $3, 'telegram', md5(random()::text)) returning id`,
      [orgId, survey.id, stranger.id],
    );
    await expect(sender.send(invitation(inv1.id, stranger.id, 'en'))).rejects.toThrow('the contact has not started the bot');
    await expect(sender.send(invitation(inv1.id, stranger.id, 'en'))).rejects.toBeInstanceOf(PermanentSendError);
    // The server registered both senders with the invitations pipeline.
    expect(invitationRuntime(server.pool).senders.channels().sort()).toEqual(['email', 'sms', 'telegram']);
    // This organisation has a bot but no SMS gateway: waves may use e-mail and Telegram only.
    expect((await invitationRuntime(server.pool).senders.channelsFor(orgId)).sort()).toEqual(['email', 'telegram']);

    const { rows: [chat] } = await server.pool.query(`select contact_id from telegram_chats where org_id = $1 and chat_id = 321001`, [orgId]);
    const { rows: [inv2] } = await server.pool.query(
      `insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash) values ($1, $2, $3, 'telegram', md5(random()::text)) returning id`,
      [orgId, survey.id, chat.contact_id],
    );
    fake.failNext('sendMessage', 403);
    await expect(sender.send(invitation(inv2.id, chat.contact_id, 'ru'))).rejects.toThrow(/blocked by the user/);
    const blocked = await server.pool.query(`select blocked_at is not null as blocked from telegram_chats where org_id = $1 and chat_id = 321001`, [orgId]);
    expect(blocked.rows[0].blocked).toBe(true);
    await expect(sender.send(invitation(inv2.id, chat.contact_id, 'ru'))).rejects.toThrow('the contact blocked the bot');
  });
});

describe('opt-out and erasure', () => {
  it('an opted-out contact gets no invitation; /stop opts out; erasing the contact forgets the chat and its conversations', async () => {
    const chatId = 818_181; // started the bot above, has an open conversation
    const { rows: [chat] } = await server.pool.query(`select contact_id from telegram_chats where org_id = $1 and chat_id = $2`, [orgId, chatId]);
    const { rows: [inv] } = await server.pool.query(
      `insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash) values ($1, $2, $3, 'telegram', md5(random()::text)) returning id`,
      [orgId, survey.id, chat.contact_id],
    );
    await server.pool.query(`update contacts set unsubscribed_at = now() where org_id = $1 and id = $2`, [orgId, chat.contact_id]);
    const sent = fake.callsOf('sendMessage').length;
    await expect(createTelegramSender(server.pool).send(invitation(inv.id, chat.contact_id, 'en')))
      .rejects.toThrow('the contact opted out of messages');
    expect(fake.callsOf('sendMessage').length).toBe(sent);

    // /stop opts out like an unsubscribe link (in the person's language).
    await server.pool.query(`update contacts set unsubscribed_at = null where org_id = $1 and id = $2`, [orgId, chat.contact_id]);
    await deliver(textUpdate(nextUpdateId++, chatId, '/stop', 'ru'));
    expect(lastSent(chatId).payload.text).toBe('Готово: вы больше не будете получать здесь приглашений к опросам.');
    const optedOut = await server.pool.query(`select unsubscribed_at is not null as out from contacts where org_id = $1 and id = $2`, [orgId, chat.contact_id]);
    expect(optedOut.rows[0].out).toBe(true);
    await expect(createTelegramSender(server.pool).send(invitation(inv.id, chat.contact_id, 'en')))
      .rejects.toThrow('the contact opted out of messages');

    const erased = await owner.post(`/api/v1/contacts/${chat.contact_id}/erase`, {});
    expect(erased.status).toBe(200);
    const left = await server.pool.query(
      `select (select count(*)::int from telegram_chats where org_id = $1 and chat_id = $2) as chats,
              (select count(*)::int from telegram_conversations where org_id = $1 and chat_id = $2) as conversations`,
      [orgId, chatId],
    );
    expect(left.rows).toEqual([{ chats: 0, conversations: 0 }]);
    // Writing again makes a new contact.
    await deliver(textUpdate(nextUpdateId++, chatId, `/start ${survey.slug}`));
    const again = await server.pool.query(`select contact_id from telegram_chats where org_id = $1 and chat_id = $2`, [orgId, chatId]);
    expect(again.rows[0].contact_id).not.toBe(chat.contact_id);
  });
});

describe('long polling', () => {
  it('switching to polling removes the webhook, and the server picks updates with getUpdates', async () => {
    const other = await buildOrgWithOwner(server, 'Polling Shop', 'owner@poll.test');
    const pollSurvey = await buildSurvey(server.pool, other.org.orgId, { slug: 'poll-visit' });
    const res = await other.owner.put('/api/v1/org/telegram', { token: POLL_BOT.token, mode: 'polling' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mode: 'polling', webhookUrl: null, username: POLL_BOT.username });
    expect(fake.callsOf('deleteWebhook', POLL_BOT.token)).toHaveLength(1);

    const chatId = 900_001;
    fake.pushUpdate(POLL_BOT.token, textUpdate(80, chatId, '/start poll-visit'));
    const first = await fake.waitForCall((c) => c.token === POLL_BOT.token && c.method === 'sendMessage' && c.payload.chat_id === chatId);
    expect(first.payload.text).toContain('How likely are you to recommend us to a friend?');
    fake.pushUpdate(POLL_BOT.token, buttonUpdate(81, chatId, buttonData(first, '8'), first.result.message_id));
    const why = await fake.waitForCall((c) => c.token === POLL_BOT.token && c.method === 'sendMessage' && c.payload.chat_id === chatId, 1);
    expect(why.payload.text).toBe('What would make it a 10?\n\nType your answer as a message, or press Skip.');
    fake.pushUpdate(POLL_BOT.token, textUpdate(82, chatId, 'More cashiers'));
    const stars = await fake.waitForCall((c) => c.token === POLL_BOT.token && c.method === 'sendMessage' && c.payload.chat_id === chatId, 2);
    fake.pushUpdate(POLL_BOT.token, buttonUpdate(83, chatId, buttonData(stars, 'Skip'), stars.result.message_id));
    const thanks = await fake.waitForCall((c) => c.token === POLL_BOT.token && c.method === 'sendMessage' && c.payload.chat_id === chatId, 3);
    expect(thanks.payload.text).toBe('Thanks for helping us improve.');

    const stored = await server.pool.query(
      `select r.channel, a.score, a.text from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
        where r.org_id = $1 and r.survey_id = $2 order by a.score nulls last`,
      [other.org.orgId, pollSurvey.id],
    );
    expect(stored.rows).toEqual([{ channel: 'telegram', score: 8, text: null }, { channel: 'telegram', score: null, text: 'More cashiers' }]);
    // The offset moves past each handled update: the next getUpdates confirms them to Telegram.
    await fake.waitForCall((c) => c.token === POLL_BOT.token && c.method === 'getUpdates' && c.payload.offset === 84);
    const bot = await server.pool.query(`select poll_offset::int as offset from telegram_bots where org_id = $1`, [other.org.orgId]);
    expect(bot.rows[0].offset).toBe(84);
  });

  it('connecting another bot removes the webhook of the one it replaces', async () => {
    const other = await buildOrgWithOwner(server, 'Switching Shop', 'owner@switch.test');
    const SWITCH_A = { id: 700_003, username: 'switch_a_bot', token: '700003:CCHdqTcvCH1vGWJxfSeofSAs0K5PALDscy' };
    const SWITCH_B = { id: 700_004, username: 'switch_b_bot', token: '700004:DDHdqTcvCH1vGWJxfSeofSAs0K5PALDsdz' };
    fakeBots.push(SWITCH_A, SWITCH_B);
    expect((await other.owner.put('/api/v1/org/telegram', { token: SWITCH_A.token, mode: 'webhook' })).status).toBe(200);
    expect(fake.callsOf('deleteWebhook', SWITCH_A.token)).toHaveLength(0);
    const res = await other.owner.put('/api/v1/org/telegram', { token: SWITCH_B.token, mode: 'webhook' });
    expect([res.status, res.json.username]).toEqual([200, 'switch_b_bot']);
    expect(fake.callsOf('deleteWebhook', SWITCH_A.token)).toHaveLength(1);
    expect(fake.callsOf('setWebhook', SWITCH_B.token)).toHaveLength(1);
  });

  it('disconnecting removes the bot; its webhook path then answers 404', async () => {
    const res = await owner.delete('/api/v1/org/telegram');
    expect([res.status, res.json.connected]).toEqual([200, false]);
    expect(fake.callsOf('deleteWebhook', BOT.token).length).toBeGreaterThan(0);
    expect(await deliver(textUpdate(nextUpdateId++, 1, '/start'))).toBe(404);
  });
});
