// Seeds a dedicated database with 1,000,000 threads and 5,000,000 messages
// for bench/inbox.ts. Set-based SQL (generate_series) with secondary indexes
// dropped during the load and rebuilt after, which is how a bulk load stays
// within minutes on a small machine.
//
//   npm run bench:seed-inbox      (BENCH_DATABASE_URL, default svara_bench_inbox)

import { Client } from 'pg';
import { PasswordHasher } from '@svara/auth';
import { migrateDatabase } from '@svara/database';
import { BENCH_ADMIN, BENCH_AGENT, BENCH_DATABASE_URL, LONG_THREAD_ID } from './bench-env';

const THREADS = Number(process.env.BENCH_THREADS ?? 1_000_000);
const MESSAGES_PER_THREAD = 5;
const CHANNELS = 20;
const TEAMS = 10;

// What citizens write about; a few sentences mention waste collection in inflected forms.
const SENTENCES = [
  'Sophämtningen har inte kommit på två veckor.',
  'När kommer sophämtningen till Storgatan?',
  'Hej, jag undrar över mitt bygglov.',
  'Gatlampan utanför huset är trasig.',
  'Hur ansöker jag om plats i förskolan?',
  'Det är hål i vägen vid skolan.',
  'Parkeringen vid biblioteket är full varje dag.',
  'Kan ni ringa mig om fakturan?',
  'Snöröjningen har missat vår gata.',
  'Jag vill boka en tid hos handläggaren.',
  'Vattnet luktar konstigt sedan i går.',
  'Tack för snabbt svar!',
  'Når åpner biblioteket i morgen?',
  'Milloin uimahalli on auki?',
  'Återvinningsstationen är överfull.',
  'Bussen gick inte i morse.',
  'Jag har fått fel avgift för hemtjänsten.',
  'Lekplatsen behöver ny sand.',
  'Var lämnar jag grovsopor?',
  'Min granne eldar sopor på tomten.',
];
const SUBJECTS = [
  'Sophämtning',
  'Bygglov',
  'Förskola',
  'Gatubelysning',
  'Faktura',
  'Parkering',
  'Vatten',
  'Snöröjning',
];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Starts from an empty database with every migration applied (and so every index). */
async function recreateDatabase(): Promise<void> {
  const admin = new URL(BENCH_DATABASE_URL);
  const name = admin.pathname.slice(1);
  if (!/^svara_bench\w*$/.test(name))
    throw new Error(`refusing to drop ${name}: not a bench database`);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await migrateDatabase(BENCH_DATABASE_URL);
}

async function main(): Promise<void> {
  await timed('fresh database', recreateDatabase);
  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  await db.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'`);

  const hasher = new PasswordHasher();
  const [adminHash, agentHash] = await Promise.all([
    hasher.hash(BENCH_ADMIN.password),
    hasher.hash(BENCH_AGENT.password),
  ]);
  await db.query(
    `INSERT INTO teams (id, name, "updatedAt")
     SELECT md5('team' || g)::uuid, 'Team ' || g, now() FROM generate_series(1, ${TEAMS}) g`,
  );
  await db.query(
    `INSERT INTO users (id, email, name, "passwordHash", role, "updatedAt") VALUES
       (gen_random_uuid(), $1, 'Bench Admin', $2, 'ADMIN', now()),
       (md5('agent')::uuid, $3, 'Bench Agent', $4, 'AGENT', now())`,
    [BENCH_ADMIN.email, adminHash, BENCH_AGENT.email, agentHash],
  );
  await db.query(
    `INSERT INTO team_members ("teamId", "userId") VALUES (md5('team1')::uuid, md5('agent')::uuid)`,
  );
  await db.query(
    `INSERT INTO channels (id, type, name, "teamId", "backfillSince", "updatedAt")
     SELECT md5('channel' || g)::uuid,
            (ARRAY['FACEBOOK_PAGE','INSTAGRAM','EMAIL','WEB_FORM'])[1 + g % 4]::"ChannelType",
            'Channel ' || g, md5('team' || (1 + g % ${TEAMS}))::uuid, now(), now()
     FROM generate_series(0, ${CHANNELS - 1}) g`,
  );

  // Load without secondary indexes; rebuild them afterwards from their own definitions.
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename IN ('threads', 'messages', 'contacts')
       AND indexname NOT LIKE '%\\_pkey'`,
  );
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`);

  await timed('contacts', () =>
    db.query(
      `INSERT INTO contacts (id, "displayName", email, "updatedAt")
       SELECT md5('contact' || g)::uuid, 'Invånare ' || g, 'person' || g || '@example.se', now()
       FROM generate_series(1, ${THREADS / 5}) g`,
    ),
  );
  // Thread n: channel n % 20 (and that channel's team), one contact per five threads.
  // Open threads are due from two days ago to five days ahead; SLA state follows.
  await timed(`threads (${THREADS})`, () =>
    db.query(
      `INSERT INTO threads (id, "channelId", "externalId", "contactId", subject, status, "teamId",
         "assigneeId", "lastMessageAt", "nextSlaCheckAt", "slaState", "messageCount", "updatedAt")
       SELECT CASE WHEN g = 1 THEN '${LONG_THREAD_ID}'::uuid ELSE md5('thread' || g)::uuid END,
              md5('channel' || (g % ${CHANNELS}))::uuid, 't' || g,
              md5('contact' || (1 + g % ${THREADS / 5}))::uuid,
              ($1::text[])[1 + g % ${SUBJECTS.length}],
              s.status::"ThreadStatus",
              md5('team' || (1 + (g % ${CHANNELS}) % ${TEAMS}))::uuid,
              CASE WHEN g % 3 = 0 THEN md5('agent')::uuid END,
              now() - (g % 86400) * interval '1 minute',
              s.due,
              (CASE WHEN s.due IS NULL THEN 'NONE' WHEN s.due < now() THEN 'BREACHED'
                    WHEN s.due < now() + interval '2 hours' THEN 'WARNING' ELSE 'OK' END)::"SlaState",
              CASE WHEN g = 1 THEN 200 ELSE ${MESSAGES_PER_THREAD} END, now()
       FROM generate_series(1, ${THREADS}) g
       CROSS JOIN LATERAL (SELECT
         (ARRAY['OPEN','OPEN','OPEN','PENDING','CLOSED'])[1 + g % 5] AS status,
         CASE WHEN g % 5 < 3 THEN now() + ((g::bigint * 7919) % 10080 - 2880) * interval '1 minute' END AS due
       ) s`,
      [SUBJECTS],
    ),
  );
  // Five messages per thread, then 195 more on the long thread.
  await timed(`messages (${THREADS * MESSAGES_PER_THREAD + 195})`, async () => {
    const batch = 1_000_000;
    for (let from = 1; from <= THREADS * MESSAGES_PER_THREAD; from += batch) {
      const to = Math.min(from + batch - 1, THREADS * MESSAGES_PER_THREAD);
      await db.query(
        `INSERT INTO messages (id, "threadId", "channelId", "externalId", direction, "authorName",
           text, "sentAt", "deliveryStatus")
         SELECT gen_random_uuid(),
                CASE WHEN t = 1 THEN '${LONG_THREAD_ID}'::uuid ELSE md5('thread' || t)::uuid END,
                md5('channel' || (t % ${CHANNELS}))::uuid, 'm' || g,
                (CASE WHEN g % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END)::"MessageDirection",
                'Invånare ' || t,
                ($1::text[])[1 + (g * 31) % ${SENTENCES.length}] || ' ' ||
                ($1::text[])[1 + (g * 17 + t) % ${SENTENCES.length}] || ' Ärende ' || g || '.',
                now() - (t % 86400) * interval '1 minute' - (g % 5) * interval '1 hour',
                (CASE WHEN g % 2 = 0 THEN 'RECEIVED' ELSE 'SENT' END)::"DeliveryStatus"
         FROM generate_series(${from}, ${to}) g, LATERAL (SELECT 1 + (g - 1) / ${MESSAGES_PER_THREAD} AS t) x`,
        [SENTENCES],
      );
      console.log(`  ${to} messages`);
    }
    await db.query(
      `INSERT INTO messages (id, "threadId", "channelId", "externalId", direction, text, "sentAt")
       SELECT gen_random_uuid(), '${LONG_THREAD_ID}'::uuid, md5('channel1')::uuid, 'long' || g,
              'INBOUND', ($1::text[])[1 + g % ${SENTENCES.length}],
              now() - interval '30 days' + g * interval '1 minute'
       FROM generate_series(1, 195) g`,
      [SENTENCES],
    );
  });

  for (const { indexname, indexdef } of indexes) {
    await timed(`index ${indexname}`, () => db.query(indexdef));
  }
  await timed('analyze', () => db.query('VACUUM ANALYZE threads, messages, contacts'));
  await db.end();
}

const started = Date.now();
main().then(
  () => console.log(`seeded in ${((Date.now() - started) / 60000).toFixed(1)} min`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
