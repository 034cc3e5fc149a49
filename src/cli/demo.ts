/**
 * `sarafan demo` (also `npm run demo`): fills the database with the demo retail chain. Uses the
 * running server's embedded database when there is one (never starts a second server on the same
 * data directory); a second run only prints the login.
 */
import crypto from 'node:crypto';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openMigratedDatabase } from './start.ts';
import { cliText } from './messages.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { findDemoOrg, loadDemo, resetDemoPasswords } from '../db/demo/loadDemo.ts';
import { DEMO_ANALYST_EMAIL, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL } from '../core/demo/structure.ts';
import { DEMO_AUDITOR, DEMO_QA_LEAD } from '../core/demo/audits.ts';
import { demoKioskLines, newDemoKiosks } from '../server/kiosks/commands/demoKiosks.ts';
import { analyseDemoComments } from '../server/text/demoText.ts';

// The same PORT the server was started with (README), unless a public URL is configured.
const URL_HINT = process.env.SARAFAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;

/** A password people can type: 4 groups of 4 letters/digits without look-alikes. */
function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function printLogin(password: string | null): void {
  console.log(`\n  Open      ${URL_HINT}`);
  console.log(`  Sign in   ${DEMO_OWNER_EMAIL}  (owner)`);
  console.log(`            ${DEMO_MANAGER_EMAIL}  (location manager of one store)`);
  console.log(`            ${DEMO_ANALYST_EMAIL}  (analyst)`);
  console.log(`            ${DEMO_AUDITOR.email}  (auditor: mystery-shopping assignments)`);
  console.log(`            ${DEMO_QA_LEAD.email}  (analyst: call-center QA reviews)`);
  console.log(password ? `  Password  ${password}  (same for all of them)` : `  Password  as printed on the first run (lost it? run: sarafan demo --reset-password)`);
  console.log(`  Survey    ${URL_HINT}/s/demo-nps  (also /s/demo-csat, /s/demo-ces, /s/demo-csi; ?lang=en|ru|fa)\n`);
}

/** Registers `sarafan demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Create the demo organisation "Sarafan Demo Retail" with six months of survey answers')
    .option('--responses <n>', 'number of responses to generate', '40000')
    .option('--seed <n>', 'random seed (same seed, same data)', '20260101')
    .option('--reset-password', 'give the demo users a new password and print it')
    .action(async (opts: { responses: string; seed: string; resetPassword?: boolean }) => {
      const responses = Number(opts.responses);
      if (!Number.isInteger(responses) || responses < 1 || responses > 5_000_000) throw new Error('--responses must be a whole number from 1 to 5000000');
      const db = await openMigratedDatabase((m) => console.log(m));
      try {
        const existing = await findDemoOrg(db.pool);
        if (existing) {
          let password: string | null = null;
          if (opts.resetPassword) {
            password = newPassword();
            await resetDemoPasswords(db.pool, existing, await hashPassword(password));
            console.log(cliText('demo.existsNewPassword'));
          } else {
            console.log(cliText('demo.exists'));
          }
          printLogin(password);
          return;
        }
        const password = newPassword();
        const demoKiosks = newDemoKiosks();
        const bar = new cliProgress.SingleBar({ format: 'Generating demo |{bar}| {value}/{total} responses', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(responses, 0);
        const result = await loadDemo(db.pool, {
          responses,
          seed: Number(opts.seed) || 20_260_101,
          passwordHash: await hashPassword(password),
          kiosks: demoKiosks.kiosks,
          onProgress: (done) => bar.update(done),
        }).finally(() => bar.stop());
        if (result.status === 'exists') {
          console.log(cliText('demo.createdMeanwhile'));
          printLogin(null);
          return;
        }
        console.log(cliText('demo.created', { responses: result.responses, answers: result.answers, rollupRows: result.scoreRows, seconds: result.ms / 1000 }));
        await analyseDemoComments(db.pool, result.orgId); // comment sentiment and themes (docs/comments.md)
        printLogin(password);
        console.log(`${demoKioskLines(URL_HINT, demoKiosks.tokens).join('\n')}\n`);
      } finally {
        await db.close();
      }
    });
}
