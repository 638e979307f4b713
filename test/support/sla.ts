import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaService } from '@svara/database';
import type { InboundBatches, JobQueues } from '@svara/pipeline';
import { eventually } from './eventually';
import { createUser, webFormItem } from './factories';
import type { ReceivedMail } from './smtp-receiver';

const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));

/**
 * A team with a lead, a round-the-clock calendar (so tests do not depend on
 * the hour they run at), a policy, and a web-form channel that has existed
 * for a day, all wired together.
 */
export async function createSlaSetup(
  prisma: PrismaService,
  {
    firstResponse = { minutes: 60 } as Prisma.InputJsonObject,
    escalationLevels = [] as Prisma.InputJsonArray | ((lead: { teamId: string }) => unknown[]),
    channelCreatedAt = new Date(Date.now() - 24 * 3600 * 1000),
    locale = 'sv',
  } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const lead = await createUser(prisma, { role: 'LEAD', email: `lead.${suffix}@kommun.test` });
  const team = await prisma.team.create({
    data: { name: `Team ${suffix}`, members: { create: { userId: lead.id, isLead: true } } },
  });
  const calendar = await prisma.businessCalendar.create({
    data: { name: `Always ${suffix}`, timeZone: 'Europe/Stockholm', weeklyHours: ROUND_THE_CLOCK },
  });
  const levels =
    typeof escalationLevels === 'function'
      ? escalationLevels({ teamId: team.id })
      : escalationLevels;
  const policy = await prisma.slaPolicy.create({
    data: {
      name: `Policy ${suffix}`,
      calendarId: calendar.id,
      firstResponse,
      escalationLevels: levels as Prisma.InputJsonArray,
      locale,
    },
  });
  const channel = await prisma.channel.create({
    data: {
      type: 'WEB_FORM',
      name: `Kontakta oss ${suffix}`,
      teamId: team.id,
      slaPolicyId: policy.id,
      backfillSince: channelCreatedAt,
      createdAt: channelCreatedAt,
    },
  });
  return { lead, team, calendar, policy, channel };
}

/** Submits a web-form message written `agoMs` ago and waits for its thread to be ingested. */
export async function submitWrittenAgo(
  prisma: PrismaService,
  batches: InboundBatches,
  channelId: string,
  agoMs: number,
) {
  const item = webFormItem({ submittedAt: new Date(Date.now() - agoMs).toISOString() });
  await batches.accept(channelId, 'FORM', [item]);
  return eventually(
    () =>
      prisma.thread
        .findFirst({ where: { channelId, externalId: item.id } })
        .then((t) => t ?? undefined),
    { timeoutMs: 20_000, intervalMs: 100, what: 'the thread to be ingested' },
  );
}

/** Escalation e-mails about one thread (they link to it). */
export const mailAbout = (threadId: string) => (mail: ReceivedMail) =>
  mail.parsed.text?.includes(`/threads/${threadId}`) ?? false;

/** True once no escalation job waits, runs or waits to be retried (for `eventually`). */
export async function escalationQueueDrained(queues: JobQueues): Promise<true | undefined> {
  const counts = await queues
    .queue('escalation')
    .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).every((n) => n === 0) ? true : undefined;
}
