import { randomUUID } from 'node:crypto';
import type { SlaState } from '@svara/database';
import type { WebStack } from './web';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));

/** A team with a web-form channel under a two-hour policy on a round-the-clock calendar. */
export async function createLeadTeam(stack: WebStack, name: string, channelName: string) {
  const suffix = randomUUID().slice(0, 6);
  const calendar = await stack.prisma.businessCalendar.create({
    data: { name: `Dygnet runt ${suffix}`, weeklyHours: ROUND_THE_CLOCK },
  });
  const policy = await stack.prisma.slaPolicy.create({
    data: {
      name: `Två timmar ${suffix}`,
      calendarId: calendar.id,
      firstResponse: { minutes: 120 },
    },
  });
  const team = await stack.prisma.team.create({ data: { name } });
  const channel = await stack.prisma.channel.create({
    data: {
      type: 'WEB_FORM',
      name: channelName,
      teamId: team.id,
      slaPolicyId: policy.id,
      backfillSince: new Date(Date.now() - 60 * DAY),
    },
  });
  return { team, channel, policy };
}

type LeadTeam = Awaited<ReturnType<typeof createLeadTeam>>;

/** Another channel of the team, under the same policy; not polled (disabled). */
export async function addChannel(
  stack: WebStack,
  leadTeam: LeadTeam,
  type: 'EMAIL' | 'FACEBOOK_PAGE' | 'INSTAGRAM',
  name: string,
): Promise<LeadTeam> {
  const channel = await stack.prisma.channel.create({
    data: {
      type,
      name,
      teamId: leadTeam.team.id,
      slaPolicyId: leadTeam.policy.id,
      enabled: false,
      backfillSince: new Date(Date.now() - 60 * DAY),
    },
  });
  return { ...leadTeam, channel };
}

/**
 * An open thread of the team in an SLA state now, due in `dueInMinutes`.
 * Without a next escalation time the scheduler leaves its state as it is.
 * Its clock counts as started now, so reports of past days leave it out.
 */
export async function openThread(
  stack: WebStack,
  { team, channel, policy }: LeadTeam,
  subject: string,
  {
    slaState,
    dueInMinutes,
    assigneeId = null,
    waitedMinutes = 20,
  }: {
    slaState: SlaState;
    dueInMinutes: number;
    assigneeId?: string | null;
    waitedMinutes?: number;
  },
) {
  const wroteAt = new Date(Date.now() - waitedMinutes * MINUTE);
  const externalId = randomUUID();
  return stack.prisma.thread.create({
    data: {
      channelId: channel.id,
      teamId: team.id,
      externalId,
      subject,
      assigneeId,
      slaPolicyId: policy.id,
      slaState,
      nextSlaCheckAt: new Date(Date.now() + dueInMinutes * MINUTE),
      firstResponseDueAt: new Date(Date.now() + dueInMinutes * MINUTE),
      slaStartedAt: new Date(),
      lastMessageAt: wroteAt,
      lastInboundAt: wroteAt,
      messageCount: 1,
      messages: {
        create: {
          channelId: channel.id,
          externalId,
          direction: 'INBOUND',
          authorName: 'Anna Andersson',
          authorAddress: 'anna.andersson@example.se',
          text: subject,
          sentAt: wroteAt,
        },
      },
    },
  });
}

/** A closed thread answered `minutes` after it came in, `daysAgo` days ago at noon UTC. */
export async function answeredThread(
  stack: WebStack,
  { team, channel, policy }: LeadTeam,
  { daysAgo, minutes, inTime }: { daysAgo: number; minutes: number; inTime: boolean },
) {
  const noon = new Date(Date.now() - daysAgo * DAY);
  noon.setUTCHours(11, 0, 0, 0);
  return stack.prisma.thread.create({
    data: {
      channelId: channel.id,
      teamId: team.id,
      externalId: randomUUID(),
      subject: 'Besvarad fråga',
      status: 'CLOSED',
      closedAt: new Date(noon.getTime() + (minutes + 5) * MINUTE),
      slaPolicyId: policy.id,
      slaStartedAt: noon,
      firstResponseDueAt: new Date(noon.getTime() + 120 * MINUTE),
      firstResponseAt: new Date(noon.getTime() + minutes * MINUTE),
      firstResponseMins: minutes,
      firstResponseMet: inTime,
      lastMessageAt: new Date(noon.getTime() + minutes * MINUTE),
    },
  });
}

/** An escalation e-mail sent about a thread. */
export function sentEscalation(stack: WebStack, threadId: string, sentAt: Date) {
  return stack.prisma.escalation.create({
    data: {
      threadId,
      target: 'firstResponse',
      level: 1,
      dueAt: sentAt,
      stepAt: sentAt,
      status: 'SENT',
      sentAt,
      recipients: ['lena.lead@kommun.test'],
    },
  });
}
