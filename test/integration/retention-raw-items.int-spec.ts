import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { PrismaService } from '@svara/database';
import {
  type RunningApi,
  createUser,
  createWebFormChannel,
  eventually,
  login,
  startApi,
  startWorker,
  testEnv,
} from '@svara/testing';

const DAY_MS = 24 * 3600_000;

/** A Swedish personnummer (YYMMDD-NNNC, Luhn check digit) no other test holds. */
function identityNumber(): string {
  const bytes = randomBytes(4);
  const digits = [
    String(50 + (bytes[0]! % 50)),
    String(1 + (bytes[1]! % 12)).padStart(2, '0'),
    String(1 + (bytes[2]! % 28)).padStart(2, '0'),
    String(bytes.readUInt16BE(2) % 1000).padStart(3, '0'),
  ].join('');
  const sum = [...digits].reduce((total, char, index) => {
    const doubled = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/** Everything the run's database holds, as pg_dump writes it. */
async function databaseDump(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'pg_dump',
    ['--data-only', '--no-owner', testEnv().DATABASE_URL!],
    { maxBuffer: 512 * 1024 * 1024 },
  );
  return stdout;
}

// Retention promised to remove a thread's personal data, yet the raw
// submissions the threads came from kept all of it until
// RAW_INBOUND_RETENTION_DAYS.
describe('retention and the raw inbound items of the threads it takes', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let auth: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startWorker(),
    ]);
    prisma = api.prisma;
    auth = await login(api, (await createUser(prisma, { role: 'ADMIN' })).email);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** Two citizens' submissions, ingested, then closed 40 days ago with a tag of their own. */
  async function closedSubmissions(tag: string) {
    const channel = await createWebFormChannel(prisma);
    const people = [0, 1].map(() => {
      const mark = randomUUID().slice(0, 8);
      return {
        name: `Ingrid Qvarnstrom${mark}`,
        email: `ingrid.${mark}@example.se`,
        subject: `Bygglov Lingonstigen ${mark}`,
        message: `Mitt personnummer ar ${identityNumber()}, arende ${mark}.`,
      };
    });
    for (const person of people) {
      await request(api.server)
        .post(`/api/v1/forms/${channel.id}/submissions`)
        .send(person)
        .expect(202);
    }
    await eventually(
      async () =>
        (await prisma.thread.count({ where: { channelId: channel.id } })) === people.length
          ? true
          : undefined,
      { what: 'the submissions to be ingested' },
    );
    await prisma.thread.updateMany({
      where: { channelId: channel.id },
      data: { status: 'CLOSED', closedAt: new Date(Date.now() - 40 * DAY_MS), tags: [tag] },
    });
    const personal = people.flatMap((person) => [
      person.name,
      person.email,
      person.subject,
      person.message,
      person.message.match(/\d{6}-\d{4}/)![0],
    ]);
    // Before the run every one of them is in the database, raw items included.
    const before = await databaseDump();
    for (const value of personal) expect(before).toContain(value);
    expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(2);
    return { channel, personal };
  }

  async function runPolicy(action: 'ANONYMIZE' | 'DELETE', tag: string) {
    const policy = await request(api.server)
      .post('/api/v1/retention-policies')
      .set('authorization', auth)
      .send({ name: `Policy ${tag}`, action, afterDays: 30, tags: [tag] })
      .expect(201);
    const started = await request(api.server)
      .post(`/api/v1/retention-policies/${policy.body.id}/runs`)
      .set('authorization', auth)
      .expect(202);
    return eventually(
      async () => {
        const run = await request(api.server)
          .get(`/api/v1/retention-runs/${started.body.id}`)
          .set('authorization', auth)
          .expect(200);
        return run.body.status === 'DONE' ? run.body : undefined;
      },
      { what: 'the retention run to finish' },
    );
  }

  it.each(['ANONYMIZE', 'DELETE'] as const)(
    '%s leaves none of the personal data anywhere in the database',
    async (action) => {
      const tag = `raw${randomUUID().slice(0, 8)}`;
      const { channel, personal } = await closedSubmissions(tag);
      const run = await runPolicy(action, tag);
      expect(run.progress).toEqual({ done: 2, total: 2 });

      const after = await databaseDump();
      for (const value of personal) expect(after).not.toContain(value);
      expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(0);
      expect(await prisma.thread.count({ where: { channelId: channel.id } })).toBe(
        action === 'ANONYMIZE' ? 2 : 0,
      );
    },
  );

  it('leaves the raw items of threads it does not take', async () => {
    const tag = `raw${randomUUID().slice(0, 8)}`;
    const { channel } = await closedSubmissions(tag);
    // Another tag's policy: these threads are not due under it.
    await runPolicy('ANONYMIZE', `other${randomUUID().slice(0, 8)}`);
    expect(await prisma.inboundBatch.count({ where: { channelId: channel.id } })).toBe(2);
  });
});
