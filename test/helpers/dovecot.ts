/**
 * A private Dovecot IMAP server for the feedback mailbox tests: Debian's dovecot-imapd (/usr/sbin/dovecot)
 * started in the foreground on a free port of 127.0.0.1 with its whole configuration, state and maildirs in a
 * temporary directory, plain IMAP (ssl = no) and a passwd-file of test users. It runs as the current user; as
 * root (CI) Dovecot refuses root for its login and internal processes, so those run as Debian's `dovenull` and
 * `dovecot` users and the mail as `nobody`. Letters are put in with imapflow's APPEND, as a mail server would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../src/db/connection.ts';
import { waitFor } from './waitFor.ts';

export const DOVECOT_BIN = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestImapServer {
  host: string;
  port: number;
  /** Appends a raw RFC 822 letter to a user's folder. */
  append(user: { user: string; pass: string }, raw: string | Buffer, folder?: string): Promise<void>;
  /** Creates or deletes a folder (a folder made again gets a new UIDVALIDITY). */
  createFolder(user: { user: string; pass: string }, folder: string): Promise<void>;
  deleteFolder(user: { user: string; pass: string }, folder: string): Promise<void>;
  stop(): Promise<void>;
}

const idOf = (name: string, field: 2 | 3): number | null => {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  return line ? Number(line.split(':')[field]) : null;
};

function userName(uid: number): string {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[2] === String(uid));
  return line ? line.split(':')[0] : os.userInfo().username;
}

function groupName(gid: number): string {
  const line = fs.readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid));
  return line ? line.split(':')[0] : String(gid);
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

export async function startDovecot(users: Array<{ user: string; pass: string }>): Promise<TestImapServer> {
  if (!fs.existsSync(DOVECOT_BIN)) throw new Error(`Dovecot not found at ${DOVECOT_BIN}: install Debian package "dovecot-imapd" or set DOVECOT_PATH`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const uid = root ? (idOf('nobody', 2) ?? 65534) : process.getuid!();
  const gid = root ? (idOf('nobody', 3) ?? 65534) : process.getgid!();
  const self = userName(process.getuid!());
  const internal = root ? (idOf('dovecot', 2) !== null ? 'dovecot' : 'nobody') : self;
  const login = root ? (idOf('dovenull', 2) !== null ? 'dovenull' : 'nobody') : self;
  // Dovecot's unprivileged processes and the mail user must reach the directory.
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'mail'));
  if (root) fs.chownSync(path.join(dir, 'mail'), uid, gid);
  fs.writeFileSync(path.join(dir, 'passwd'), users.map((u) => `${u.user}:{PLAIN}${u.pass}\n`).join(''));
  fs.writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${internal}
default_internal_group = ${root ? groupName(idOf(internal, 3) ?? gid) : groupName(process.getgid!())}
default_login_user = ${login}
first_valid_uid = ${Math.min(uid, 500)}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT_BIN, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitFor(async () => exited || (await portOpen(port)), 'dovecot to open its port', 15_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  if (exited) throw new Error(`dovecot exited: ${stderr}${fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''}`);

  const session = async <T>(u: { user: string; pass: string }, work: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: u.user, pass: u.pass }, logger: false });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    append: (u, raw, folder = 'INBOX') => session(u, async (c) => void (await c.append(folder, raw))),
    createFolder: (u, folder) => session(u, async (c) => void (await c.mailboxCreate(folder))),
    deleteFolder: (u, folder) => session(u, async (c) => void (await c.mailboxDelete(folder))),
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
