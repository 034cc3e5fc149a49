/**
 * The demo's Telegram channel: a bot that is a name only (no token), so the distribution pages show
 * the deep links and QR codes of t.me/sarafan_demo_bot while nothing is received; and about half of
 * the NPS and CSAT answers that came by plain link are marked as coming through the bot (the
 * customers who followed the link into Telegram). Runs before the demo's rollups are built.
 */
import type { Queryable } from '../connection.ts';

export const DEMO_BOT_USERNAME = 'sarafan_demo_bot';

export async function addDemoTelegram(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(
    `/* insertDemoTelegramBot */ insert into telegram_bots(org_id, username, token, mode) values ($1, $2, null, 'polling') on conflict (org_id) do nothing`,
    [orgId, DEMO_BOT_USERNAME],
  );
  // Half of them, chosen by the (seeded) response id: the same demo data for the same seed.
  await tx.query(
    `/* moveDemoAnswersToTelegram */ with moved as (
       update responses r set channel = 'telegram' from surveys s
        where r.org_id = $1 and s.org_id = r.org_id and s.id = r.survey_id and s.slug in ('demo-nps', 'demo-csat')
          and r.channel = 'link' and get_byte(decode(md5(r.id::text), 'hex'), 0) < 128
       returning r.org_id, r.id
     )
     update answers a set channel = 'telegram' from moved m where a.org_id = m.org_id and a.response_id = m.id`,
    [orgId],
  );
}
