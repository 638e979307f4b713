import { Injectable } from '@nestjs/common';
import { PrismaService } from '@svara/database';
import type { EscalationRecipients } from '@svara/thread-sla';

/** The addresses an escalation level mails: users, leads of teams, plain addresses; once each. */
@Injectable()
export class EscalationRecipientsResolver {
  constructor(private readonly prisma: PrismaService) {}

  async resolve(recipients: EscalationRecipients, threadTeamId: string | null): Promise<string[]> {
    const teamIds = [
      ...(recipients.teamIds ?? []),
      ...(recipients.threadTeamLeads && threadTeamId ? [threadTeamId] : []),
    ];
    const users = await this.prisma.user.findMany({
      where: {
        active: true,
        OR: [
          { id: { in: recipients.userIds ?? [] } },
          { memberships: { some: { teamId: { in: teamIds }, isLead: true } } },
        ],
      },
      select: { email: true },
    });
    const addresses = [...users.map((user) => user.email), ...(recipients.addresses ?? [])];
    return [...new Set(addresses.map((address) => address.toLowerCase()))].sort();
  }
}
