/**
 * `sarafan users reset-password EMAIL`: a one-time link to choose a new password, for the owner who
 * is locked out (no mail needed). Works on the embedded database (beside a running server too) and on DATABASE_URL.
 */
import type { Command } from 'commander';
import { openMigratedDatabase } from './start.ts';
import { findLoginUser } from '../db/users/account.ts';
import { issueResetLink, RESET_MINUTES } from '../server/auth/passwordReset.ts';
import { writeAudit } from '../db/users/writeAudit.ts';

// The same base as the server's links: the configured public URL, else the local port (README).
const linkBase = () => process.env.SARAFAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;

/** Registers `sarafan users`. */
export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('Manage user accounts');
  users
    .command('reset-password')
    .argument('<email>', 'e-mail address of the account')
    .description('Print a one-time link (valid 24 hours) to choose a new password; the current password works until it is used')
    .action(async (email: string) => {
      const db = await openMigratedDatabase();
      try {
        const user = await findLoginUser(db.pool, email);
        if (!user) throw new Error(`no enabled account has the e-mail address ${JSON.stringify(email)}`);
        const minutes = RESET_MINUTES.commandLine;
        const { link, expiresAt } = await issueResetLink(db.pool, { orgId: user.orgId, userId: user.id }, { createdBy: null, minutes, baseUrl: linkBase() });
        await writeAudit(db.pool, { orgId: user.orgId, actorId: null, action: 'user.password_reset_link', targetType: 'user', targetId: user.id, detail: { by: 'command line' } });
        console.log(`Open this link to choose a new password for ${user.email} (works once, until ${expiresAt.toISOString()}):\n\n  ${link}\n`);
        console.log('Two-factor sign-in, if on, is still asked for after the new password.');
      } finally {
        await db.close();
      }
    });
}
