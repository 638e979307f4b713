import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './private-services';

const DOVECOT = '/usr/sbin/dovecot';

/** Installs Debian's dovecot-imapd when it is missing (CI machines start without it). */
export function ensureDovecotInstalled(): void {
  if (existsSync(DOVECOT)) return;
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'dovecot-imapd'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

async function accepting(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface MailUser {
  user: string;
  password: string;
}

/**
 * A private Dovecot (IMAP only, no TLS) on a free loopback port, with its own
 * configuration, mail and users under a temporary folder.
 */
export class Dovecot {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(users: MailUser[]): Promise<Dovecot> {
    ensureDovecotInstalled();
    const dir = mkdtempSync(path.join(tmpdir(), 'svara-dovecot-'));
    const port = await freePort();
    const root = process.getuid?.() === 0;
    const me = userInfo().username;
    const mailUser = root ? 'dovecot' : me;
    for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub));
    if (root) {
      // Dovecot's own users read the configuration and the passwd file.
      chmodSync(dir, 0o755);
      const id = (flag: string) => Number(execFileSync('id', [flag, mailUser]).toString());
      chownSync(path.join(dir, 'mail'), id('-u'), id('-g'));
    }
    writeFileSync(
      path.join(dir, 'users'),
      users.map(({ user, password }) => `${user}:{PLAIN}${password}\n`).join(''),
    );
    writeFileSync(
      path.join(dir, 'dovecot.conf'),
      `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = svara-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
default_internal_user = ${root ? 'dovecot' : me}
default_login_user = ${root ? 'dovenull' : me}
mail_uid = ${mailUser}
mail_gid = ${mailUser}
mail_location = maildir:${dir}/mail/%u
# Test mail is thrown away afterwards: no need to wait for the disk.
mail_fsync = never
# The Sent folder is found by its SPECIAL-USE flag, not its name: Swedish here,
# and not made until a test makes it.
namespace inbox {
  inbox = yes
  mailbox Skickat {
    special_use = \\Sent
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = home=${dir}/mail/%u
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
    const child = spawn(DOVECOT, ['-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`dovecot exited with ${code}`)),
      );
    });
    const dovecot = new Dovecot(port, dir);
    await accepting(port);
    return dovecot;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      const child = spawn(DOVECOT, ['-c', path.join(this.dir, 'dovecot.conf'), 'stop'], {
        stdio: 'ignore',
      });
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** An IMAP session as `user`, for putting mail in and looking at mailboxes. */
  async client(user: MailUser): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.password },
      logger: false,
      disableAutoIdle: true,
    });
    await client.connect();
    return client;
  }

  /** Delivers mail the way a mail program files it: IMAP APPEND. */
  async append(user: MailUser, mailbox: string, mails: (string | Buffer)[], date?: Date) {
    const client = await this.client(user);
    try {
      for (const mail of mails) await client.append(mailbox, mail, [], date);
    } finally {
      await client.logout();
    }
  }
}
