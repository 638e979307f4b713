import type { ChannelType, Prisma, RetentionAction } from '@svara/database';

export interface RetentionRule {
  action: RetentionAction;
  afterDays: number;
  channelTypes: ChannelType[];
  tags: string[];
}

const DAY_MS = 24 * 3600_000;

/** Threads closed before this instant are due under the rule. */
export function closedBeforeFor(rule: Pick<RetentionRule, 'afterDays'>, now = new Date()): Date {
  return new Date(now.getTime() - rule.afterDays * DAY_MS);
}

/**
 * The closed threads a rule takes. Anonymizing skips threads already
 * anonymized, so a second run finds nothing new.
 */
export function dueThreads(rule: RetentionRule, closedBefore: Date): Prisma.ThreadWhereInput {
  return {
    status: 'CLOSED',
    closedAt: { lt: closedBefore },
    ...(rule.channelTypes.length > 0 ? { channel: { type: { in: rule.channelTypes } } } : {}),
    ...(rule.tags.length > 0 ? { tags: { hasSome: rule.tags } } : {}),
    ...(rule.action === 'ANONYMIZE' ? { anonymizedAt: null } : {}),
  };
}
