// Benchmark: a shared mailbox of 10,000 mails ingested end to end — IMAP
// polling from a private Dovecot, raw mail stored in pages, MIME parsing,
// threading and writing to Postgres by the real worker. Prints mails per second.
//
//   npm run bench:email            (BENCH_MAILS, BENCH_POSTGRES_URL, BENCH_REDIS_URL to change)
//
// Uses its own database (created and dropped) and a Redis key prefix of its own
// (in database 14 unless BENCH_REDIS_URL says otherwise).
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ChannelPolls } from '@svara/channels';
import { loadConfig } from '@svara/config';
import { migrateDatabase, PrismaService } from '@svara/database';
import { SecretBox } from '@svara/secrets';
import { workerModule } from '../apps/worker/src/worker.module';
import { Dovecot, type MailUser } from '../test/support/dovecot';

const MAILS = Number(process.env.BENCH_MAILS ?? 10_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const USER: MailUser = { user: 'kommun@kommun.test', password: 'bench-password' };
const APPENDERS = 4;

/** Varied mail: new questions, replies that thread, HTML, Latin-1, auto-replies. */
function mail(n: number): string {
  const date = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toUTCString();
  // A question and the reply that follows it come from the same person.
  const person = `person${(n - (n % 5)) % 2000}@medborgare.test`;
  const common = `From: Person <${person}>\r\nTo: kommun@kommun.test\r\nDate: ${date}\r\nMessage-ID: <bench.${n}@medborgare.test>\r\nMIME-Version: 1.0\r\n`;
  switch (n % 5) {
    case 0:
      return `${common}Subject: =?utf-8?Q?Fr=C3=A5ga_${n}?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej! Jag undrar över ärende ${n}. Tack på förhand.\r\n`;
    case 1:
      return `${common}Subject: Re: Fråga ${n - 1}\r\nIn-Reply-To: <bench.${n - 1}@medborgare.test>\r\nReferences: <bench.${n - 1}@medborgare.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEn sak till.\r\n\r\nDen 1 nov. 2026 skrev Kommunen <kommun@kommun.test>:\r\n> Tidigare svar\r\n`;
    case 2:
      return `${common}Subject: Gatlampa ${n}\r\nContent-Type: multipart/alternative; boundary="b${n}"\r\n\r\n--b${n}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLampan vid hus ${n} är trasig.\r\n--b${n}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p onclick="x()">Lampan vid <b>hus ${n}</b> är trasig.</p><img src="https://t.example/p.gif">\r\n--b${n}--\r\n`;
    case 3:
      return `${common}Subject: =?ISO-8859-1?Q?F=F6rskola_${n}?=\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nN=E4r b=F6rjar f=F6rskolan?\r\n`;
    default:
      return `${common}Subject: Autosvar\r\nAuto-Submitted: auto-replied\r\nIn-Reply-To: <bench.${n - 4}@medborgare.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJag är på semester.\r\n`;
  }
}

async function fillMailbox(dovecot: Dovecot): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      const client = await dovecot.client(USER);
      try {
        for (let n = next++; n < MAILS; n = next++) await client.append('INBOX', mail(n));
      } finally {
        await client.logout();
      }
    }),
  );
}

async function main(): Promise<void> {
  const databaseUrl = new URL(POSTGRES);
  databaseUrl.pathname = `/svara_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL,
    REDIS_PREFIX: `svara-bench-${process.pid}`,
    SECRETS_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  const dovecot = await Dovecot.start([USER]);
  await migrateDatabase(config.databaseUrl);

  try {
    let started = Date.now();
    await fillMailbox(dovecot);
    console.log(
      `mailbox filled: ${MAILS} mails by IMAP APPEND in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const worker = await NestFactory.createApplicationContext(workerModule(config), {
      logger: ['warn', 'error'],
    });
    await worker.init();
    const prisma = worker.get(PrismaService);
    try {
      const channel = await prisma.channel.create({
        data: {
          type: 'EMAIL',
          name: 'Benchmark',
          backfillSince: new Date('2026-01-01T00:00:00Z'),
          config: {
            address: USER.user,
            imapHost: '127.0.0.1',
            imapPort: dovecot.port,
            imapSecure: false,
            imapRequireTls: false,
            mailbox: 'INBOX',
            smtpHost: '127.0.0.1',
            smtpPort: 25,
            smtpSecure: false,
            smtpRequireTls: false,
          },
          secretsEncrypted: worker
            .get(SecretBox)
            .seal({ imapUser: USER.user, imapPassword: USER.password }),
        },
      });

      started = Date.now();
      await worker.get(ChannelPolls).request(channel.id);
      let polledAt: number | undefined;
      for (;;) {
        const [stored, batches, pending] = await Promise.all([
          prisma.message.count({ where: { channelId: channel.id } }),
          prisma.inboundBatch.aggregate({
            where: { channelId: channel.id },
            _sum: { itemCount: true },
          }),
          prisma.inboundBatch.count({ where: { channelId: channel.id, status: 'PENDING' } }),
        ]);
        if (!polledAt && (batches._sum.itemCount ?? 0) >= MAILS) polledAt = Date.now();
        if (stored >= MAILS && pending === 0) break;
        if (Date.now() - started > 30 * 60_000)
          throw new Error(`stuck at ${stored} of ${MAILS} mails`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const seconds = (Date.now() - started) / 1000;
      const [threads, automatic] = await Promise.all([
        prisma.thread.count({ where: { channelId: channel.id } }),
        prisma.message.count({ where: { channelId: channel.id, automatic: true } }),
      ]);
      console.log(
        `read from IMAP and stored as raw pages: ${(((polledAt ?? Date.now()) - started) / 1000).toFixed(1)} s`,
      );
      console.log(
        `ingested end to end: ${MAILS} mails in ${seconds.toFixed(1)} s (${threads} threads, ${automatic} automatic)`,
      );
      console.log(`${(MAILS / seconds).toFixed(0)} mails/s`);
    } finally {
      await worker.close();
    }
  } finally {
    await dovecot.stop();
    const admin = new Client({ connectionString: POSTGRES });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseUrl.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
