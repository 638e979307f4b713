import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { MetricsServer } from '@svara/metrics';
import { InboundBatches } from '@svara/pipeline';
import request from 'supertest';
import {
  createSlaSetup,
  createUser,
  eventually,
  EventStreamClient,
  ingestSettled,
  login,
  mailAbout,
  type RunningApi,
  SmtpReceiver,
  startApi,
  startScheduler,
  startWorker,
  submitWrittenAgo,
} from '@svara/testing';
import { scrape, valueOf } from '../support/prometheus';

const metricsUrlOf = (app: INestApplicationContext) =>
  `http://127.0.0.1:${app.get(MetricsServer).port}/metrics`;

describe('Prometheus metrics', () => {
  let receiver: SmtpReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let scheduler: INestApplicationContext;
  let apiMetrics: string;

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    api = await startApi();
    const env = { SMTP_URL: receiver.url, SLA_SCAN_INTERVAL_SECONDS: '1' };
    worker = await startWorker(env);
    scheduler = await startScheduler(env);
    apiMetrics = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/metrics`;
    // The worker counts every batch it ingests, earlier test files' leftovers too.
    await ingestSettled(api.prisma);
  });
  afterAll(async () => {
    await scheduler?.close();
    await worker?.close();
    await api?.close();
    await receiver?.stop();
  });

  it('counts a message the worker ingests and the escalation mail it sends', async () => {
    const before = await scrape(metricsUrlOf(worker));
    const watching = await EventStreamClient.open(
      api,
      await login(api, (await createUser(api.prisma)).email),
    );
    const { channel, lead } = await createSlaSetup(api.prisma, {
      firstResponse: { minutes: 60 },
      escalationLevels: [{ level: 1, on: 'BREACH', recipients: { threadTeamLeads: true } }],
    });
    // Written five seconds short of an hour ago: on time when stored, breached
    // (and escalated) by a scan a few seconds later.
    const thread = await submitWrittenAgo(
      api.prisma,
      api.app.get(InboundBatches),
      channel.id,
      60 * 60_000 - 5000,
    );
    expect(thread.slaState).toBe('OK');
    await eventually(async () => receiver.mail.find(mailAbout(thread.id)), {
      timeoutMs: 30_000,
      what: `the escalation mail to ${lead.email}`,
    });

    // The scan's move to breached reaches open inboxes as it happens.
    await watching.waitFor(
      (event) => event.type === 'thread.updated' && event.data.threadId === thread.id,
    );
    watching.close();

    const after = await eventually(
      async () => {
        const scraped = await scrape(metricsUrlOf(worker));
        return valueOf(scraped, 'svara_escalation_mails_total', { outcome: 'sent' }) >
          valueOf(before, 'svara_escalation_mails_total', { outcome: 'sent' })
          ? scraped
          : undefined;
      },
      { timeoutMs: 5000, what: 'the sent mail to be counted' },
    );
    const ingested = { channel_type: 'WEB_FORM', direction: 'INBOUND' };
    expect(
      valueOf(after, 'svara_messages_ingested_total', ingested) -
        valueOf(before, 'svara_messages_ingested_total', ingested),
    ).toBe(1);
    expect(
      valueOf(after, 'svara_escalation_mails_total', { outcome: 'sent' }) -
        valueOf(before, 'svara_escalation_mails_total', { outcome: 'sent' }),
    ).toBe(1);
    expect(valueOf(after, 'svara_escalation_mails_total', { outcome: 'failed' })).toBe(0);
    expect(
      valueOf(after, 'svara_job_duration_seconds_count', { queue: 'ingest', outcome: 'completed' }),
    ).toBeGreaterThan(0);
    // Queue figures come from Redis at scrape time, one series per queue and state.
    expect(
      after.samples.filter((sample) => sample.name === 'svara_queue_jobs').map((s) => s.labels),
    ).toEqual(expect.arrayContaining([{ queue: 'ingest', state: 'failed', process: 'worker' }]));

    const scan = await scrape(metricsUrlOf(scheduler));
    expect(valueOf(scan, 'svara_sla_scan_duration_seconds_count')).toBeGreaterThan(0);
    expect(valueOf(scan, 'svara_sla_scan_threads_found_total')).toBeGreaterThanOrEqual(1);
    expect(valueOf(scan, 'svara_open_threads_breached')).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(scan, 'svara_channels', { channel_type: 'WEB_FORM', health: 'OK' }),
    ).toBeGreaterThanOrEqual(1);
    expect(valueOf(scan, 'svara_sla_scan_last_run_timestamp_seconds')).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
  });

  it('times API requests by route template and counts open event streams', async () => {
    const admin = await createUser(api.prisma);
    const token = await login(api, admin.email);
    const thread = '00000000-0000-4000-8000-000000000000';
    await request(api.server).get(`/api/v1/threads/${thread}`).set('authorization', token);
    const stream = await EventStreamClient.open(api, token);
    try {
      const scraped = await scrape(apiMetrics);
      expect(
        valueOf(scraped, 'svara_http_request_duration_seconds_count', {
          route: '/api/v1/threads/:id',
          status: '404',
        }),
      ).toBe(1);
      // The id itself never becomes a label value.
      expect(JSON.stringify(scraped)).not.toContain(thread);
      expect(valueOf(scraped, 'svara_event_stream_clients')).toBe(1);
    } finally {
      stream.close();
    }
    await eventually(
      async () =>
        valueOf(await scrape(apiMetrics), 'svara_event_stream_clients') === 0 ? true : undefined,
      { timeoutMs: 5000, what: 'the closed stream to be uncounted' },
    );
  });
});

describe('the monitoring set-up in deploy/', () => {
  const deploy = path.resolve(__dirname, '../../deploy');
  const promtool = (...args: string[]) =>
    spawnSync('promtool', args, { cwd: path.join(deploy, 'prometheus'), encoding: 'utf8' });

  it('is a valid Prometheus configuration whose alerts fire when they should', () => {
    for (const args of [
      ['check', 'config', 'prometheus.yml'],
      ['test', 'rules', 'alerts.test.yml'],
    ]) {
      const result = promtool(...args);
      expect({ args, status: result.status, output: result.stderr + result.stdout }).toMatchObject({
        status: 0,
      });
    }
  });

  it('queries only metrics the processes export', async () => {
    const api = await startApi();
    const worker = await startWorker();
    const scheduler = await startScheduler();
    try {
      const exported = new Set<string>();
      const apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/metrics`;
      for (const url of [apiUrl, metricsUrlOf(worker), metricsUrlOf(scheduler)]) {
        for (const family of (await scrape(url)).families) exported.add(family);
      }
      const queried = [
        readFileSync(path.join(deploy, 'prometheus/alerts.yml'), 'utf8'),
        readFileSync(path.join(deploy, 'grafana/dashboards/svara.json'), 'utf8'),
      ]
        .flatMap((text) => text.match(/\b(svara|process)_\w+/g) ?? [])
        .map((name) => name.replace(/_(bucket|count|sum)$/, ''));
      expect([...new Set(queried)].filter((name) => !exported.has(name))).toEqual([]);
      expect(queried.length).toBeGreaterThan(10);
    } finally {
      await scheduler.close();
      await worker.close();
      await api.close();
    }
  });
});

describe('health probes', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('answers liveness alone and readiness with Postgres, Redis and the migrations', async () => {
    await request(api.server).get('/api/v1/health/live').expect(200, { status: 'ok' });
    await request(api.server)
      .get('/api/v1/health/ready')
      .expect(200, { status: 'ok', postgres: 'up', redis: 'up', migrations: 'applied' });
  });

  it('is not ready while a shipped migration is not applied', async () => {
    const [latest] = await api.prisma.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await api.prisma.$executeRaw`
      UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = ${latest!.id}`;
    try {
      const response = await request(api.server).get('/api/v1/health/ready').expect(503);
      expect(response.body).toMatchObject({
        status: 'unavailable',
        migrations: 'pending',
        pendingMigrations: [latest!.migration_name],
      });
      await request(api.server).get('/api/v1/health/live').expect(200);
    } finally {
      await api.prisma.$executeRaw`
        UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = ${latest!.id}`;
    }
  });
});
