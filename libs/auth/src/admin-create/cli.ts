import { parseArgs } from 'node:util';
import { DomainError } from '@svara/common';
import { loadAdminCommandConfigOrExit } from '@svara/config';
import { PrismaService } from '@svara/database';
import { createOrReactivateAdmin } from './admin-create';

// npm run admin:create -- --email admin@kommun.se --name 'Anna Admin'
// The password comes from ADMIN_PASSWORD, or is asked for on a terminal; never from the
// command line, where other users of the machine and the shell history would see it.

const USAGE =
  'usage: npm run admin:create -- --email <e-mail> --name <name>\n' +
  '  the password is read from ADMIN_PASSWORD, or asked for when run on a terminal';

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let typed = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          done();
          reject(new Error('cancelled'));
          return;
        }
        typed =
          char === '\u007f' || char === '\b' ? [...typed].slice(0, -1).join('') : typed + char;
      }
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

async function readPassword(fromEnvironment: string | undefined): Promise<string> {
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new UsageError('set ADMIN_PASSWORD, or run the command on a terminal to be asked');
  }
  const password = await askHidden('Password: ');
  if ((await askHidden('Password again: ')) !== password) {
    throw new UsageError('the two passwords differ');
  }
  return password;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  if (argv.some((arg) => /^--?pass(word)?(=|$)/.test(arg))) {
    throw new UsageError(
      'the password is never given on the command line: set ADMIN_PASSWORD or answer the prompt',
    );
  }
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.email || !values.name) throw new UsageError('--email and --name are required');

  const { config, password } = loadAdminCommandConfigOrExit();
  const secret = await readPassword(password);
  const prisma = new PrismaService(config);
  try {
    const admin = await createOrReactivateAdmin(prisma, {
      email: values.email,
      name: values.name,
      password: secret,
    });
    const email = values.email.trim().toLowerCase();
    process.stdout.write(
      admin.created
        ? `Created the admin ${email} (${admin.id}).\n`
        : `${email} (${admin.id}) is an active admin again, with the new password; ` +
            'earlier sessions are signed out.\n',
    );
    return 0;
  } finally {
    await prisma.onApplicationShutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exit(64); // EX_USAGE
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(65); // EX_DATAERR
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
