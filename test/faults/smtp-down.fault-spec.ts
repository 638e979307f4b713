import type { ChildProcess } from 'node:child_process';
import { InboundBatches, JobQueues } from '@svara/pipeline';
import {
  createSlaSetup,
  escalationQueueDrained,
  eventually,
  exited,
  mailAbout,
  type RunningApi,
  SmtpReceiver,
  spawnApp,
  startApi,
  submitWrittenAgo,
} from '@svara/testing';

const MINUTE = 60_000;

// The mail server escalation e-mails go through is down when a deadline
// passes, and stays down through several attempts. The scheduler and the
// worker run as in production; once the server is back the e-mail goes out,
// exactly once, with its failed attempts on record.
describe('SMTP receiver down when an escalation falls due', () => {
  let receiver: SmtpReceiver;
  let api: RunningApi;
  let processes: ChildProcess[] = [];

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
    api = await startApi();
    const env = { SLA_SCAN_INTERVAL_SECONDS: '1', SMTP_URL: receiver.url };
    processes = [spawnApp('worker', env), spawnApp('scheduler', env)];
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map(exited));
    await api?.close();
    await receiver?.stop();
  });

  it('sends the e-mail once the receiver is back, exactly once', async () => {
    const { prisma } = api;
    const { channel, lead } = await createSlaSetup(prisma, {
      escalationLevels: [{ level: 1, on: 'BREACH', recipients: { threadTeamLeads: true } }],
    });
    await receiver.stop();
    // Written 59 minutes 55 seconds ago: the first response falls due in 5 seconds.
    const thread = await submitWrittenAgo(
      prisma,
      api.app.get(InboundBatches),
      channel.id,
      60 * MINUTE - 5_000,
    );

    const failing = await eventually(
      async () => {
        const row = await prisma.escalation.findFirst({ where: { threadId: thread.id } });
        return row?.status === 'FAILED' && row.attempts >= 2 ? row : undefined;
      },
      {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: 'two failed attempts while the receiver is down',
      },
    );
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(receiver.mail.filter(mailAbout(thread.id))).toHaveLength(0);

    await receiver.listen();
    const [mail] = await receiver.waitFor(mailAbout(thread.id), { timeoutMs: 60_000 });
    expect(mail!.to).toEqual([lead.email]);
    const sent = await eventually(
      async () => {
        const row = await prisma.escalation.findFirstOrThrow({ where: { threadId: thread.id } });
        return row.status === 'SENT' ? row : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100, what: 'the escalation to be recorded as sent' },
    );
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(sent.lastError).toBeNull();
    expect(sent.smtpResponse).toMatch(/^250/);

    // No attempt is left that could send it again.
    await eventually(() => escalationQueueDrained(api.app.get(JobQueues)), {
      timeoutMs: 20_000,
      intervalMs: 200,
      what: 'the escalation queue to drain',
    });
    expect(receiver.mail.filter(mailAbout(thread.id))).toHaveLength(1);
    expect(await prisma.escalation.count({ where: { threadId: thread.id } })).toBe(1);
  });
});
