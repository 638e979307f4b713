import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { type Prisma, PrismaService } from '@svara/database';
import { ContactFootprints } from './contact-footprints.service';

/**
 * An edited comment's earlier texts are the person's data as much as its
 * text, and so are the files they sent (the package carries their bytes).
 */
const MESSAGE_EXTRAS = {
  edits: {
    orderBy: [{ replacedAt: 'asc' }, { id: 'asc' }],
    select: { text: true, since: true, replacedAt: true },
  },
  storedAttachments: {
    orderBy: { n: 'asc' },
    select: {
      n: true,
      filename: true,
      claimedType: true,
      sniffedType: true,
      size: true,
      sha256: true,
      state: true,
      leftOutReason: true,
    },
  },
} satisfies Prisma.MessageInclude;

type ExportedMessage = Prisma.MessageGetPayload<{ include: typeof MESSAGE_EXTRAS }>;

/** Where an attachment's bytes are in the export package, for those stored. */
function packagePathOf(messageId: string, file: { n: number; filename: string }): string {
  // No folders or control characters from a sender's file name reach the zip.
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const name = file.filename.replace(/[/\\\u0000-\u001f\u007f]/g, '_').trim() || 'attachment';
  return `attachments/${messageId}/${file.n + 1}-${name}`;
}

function exportedMessage({ storedAttachments, ...message }: ExportedMessage) {
  return {
    ...message,
    files: storedAttachments.map((file) => ({
      ...file,
      path: file.state === 'STORED' && file.sha256 ? packagePathOf(message.id, file) : null,
    })),
  };
}

/**
 * A person's copy of everything Svara holds on them (GDPR art. 15 and 20):
 * the contact and its identities, their threads with every message, note and
 * escalation, what they wrote in other threads, the raw items they sent, and
 * which record packages hold their threads. ContactExportPackage adds the files.
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
          messages: { orderBy: [{ sentAt: 'asc' }, { id: 'asc' }], include: MESSAGE_EXTRAS },
          escalations: { orderBy: [{ stepAt: 'asc' }, { id: 'asc' }] },
        },
        orderBy: { createdAt: 'asc' },
      }),
      this.prisma.message.findMany({
        where: { id: { in: footprint.messagesElsewhere.map((message) => message.id) } },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
        include: MESSAGE_EXTRAS,
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
        messages: messages.filter((message) => message.direction !== 'NOTE').map(exportedMessage),
        notes: messages.filter((message) => message.direction === 'NOTE').map(exportedMessage),
      })),
      messagesInOtherThreads: messagesInOtherThreads.map(exportedMessage),
      inboundItems: footprint.inbound.map(({ createdAt, ...mention }) => ({
        ...mention,
        receivedAt: createdAt,
      })),
      recordPackages,
      summary,
    };
  }
}
