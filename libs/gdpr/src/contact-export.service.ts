import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { type Prisma, PrismaService } from '@svara/database';
import { ContactFootprints } from './contact-footprints.service';

/** An edited comment's earlier texts are the person's data as much as its text. */
const EARLIER_TEXTS = {
  edits: {
    orderBy: [{ replacedAt: 'asc' }, { id: 'asc' }],
    select: { text: true, since: true, replacedAt: true },
  },
} satisfies Prisma.MessageInclude;

/**
 * A person's copy of everything Svara holds on them (GDPR art. 15 and 20):
 * the contact and its identities, their threads with every message, note and
 * escalation, what they wrote in other threads, the raw items they sent, and
 * which record packages hold their threads.
 */
@Injectable()
export class ContactExport {
  constructor(
    private readonly prisma: PrismaService,
    private readonly footprints: ContactFootprints,
    private readonly audit: AuditTrail,
  ) {}

  async export(contactId: string, actorId: string) {
    const footprint = await this.footprints.locate(this.prisma, contactId, {
      withInboundItems: true,
    });
    const [threads, messagesInOtherThreads, recordPackages] = await Promise.all([
      this.prisma.thread.findMany({
        where: { id: { in: footprint.threadIds } },
        include: {
          channel: { select: { id: true, type: true, name: true } },
          messages: { orderBy: [{ sentAt: 'asc' }, { id: 'asc' }], include: EARLIER_TEXTS },
          escalations: { orderBy: [{ stepAt: 'asc' }, { id: 'asc' }] },
        },
        orderBy: { createdAt: 'asc' },
      }),
      this.prisma.message.findMany({
        where: { id: { in: footprint.messagesElsewhere.map((message) => message.id) } },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
        include: EARLIER_TEXTS,
      }),
      this.prisma.recordExport.findMany({
        where: { id: { in: footprint.recordPackageIds } },
        select: {
          id: true,
          purpose: true,
          status: true,
          createdAt: true,
          finishedAt: true,
          sha256: true,
        },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    const { identities, ...contact } = footprint.contact;
    const summary = {
      threads: threads.length,
      messages: threads.reduce(
        (n, thread) => n + thread.messages.filter((m) => m.direction !== 'NOTE').length,
        0,
      ),
      notes: threads.reduce(
        (n, thread) => n + thread.messages.filter((m) => m.direction === 'NOTE').length,
        0,
      ),
      escalations: threads.reduce((n, thread) => n + thread.escalations.length, 0),
      identities: identities.length,
      messagesInOtherThreads: messagesInOtherThreads.length,
      inboundItems: footprint.inbound.length,
      recordPackages: recordPackages.length,
    };
    await this.audit.record({
      actorId,
      action: 'contact.exported',
      entityType: 'contact',
      entityId: contactId,
      data: summary,
    });
    return {
      exportedAt: new Date(),
      contact,
      identities,
      threads: threads.map(({ messages, ...thread }) => ({
        ...thread,
        messages: messages.filter((message) => message.direction !== 'NOTE'),
        notes: messages.filter((message) => message.direction === 'NOTE'),
      })),
      messagesInOtherThreads,
      inboundItems: footprint.inbound.map(({ createdAt, ...mention }) => ({
        ...mention,
        receivedAt: createdAt,
      })),
      recordPackages,
      summary,
    };
  }
}
