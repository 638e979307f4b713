import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import type {
  RecordFilter,
  RecordMessage,
  RecordPackageHeader,
  RecordSelection,
  RecordThread,
} from './record-document';

// Noto Sans covers the Nordic alphabets (å ä ö æ ø, Sámi á č đ ŋ š ŧ ž) and
// much more; it is embedded (as a subset) so the PDF reads the same everywhere.
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};
// Fonts are named by their files: pdfkit keeps a font opened by path, but
// opens a registered name's file again on every switch when the same font is
// already open under another name.
const REGULAR = FONT_FILES.regular;
const BOLD = FONT_FILES.bold;
const INK = '#000000';
const MUTED = '#555555';

/** The lines of the cover's list of threads. */
export interface ThreadIndexEntry {
  id: string;
  subject: string | null;
  channelName: string;
  status: string;
  createdAt: Date;
}

const DIRECTION: Record<RecordMessage['direction'], string> = {
  INBOUND: 'From the citizen',
  OUTBOUND: 'To the citizen',
  NOTE: 'Internal note',
};

const FILTER_LABELS: Record<keyof RecordFilter, string> = {
  status: 'status',
  channelId: 'channel id',
  channelType: 'channel type',
  teamId: 'team id',
  assigneeId: 'assignee',
  sla: 'SLA state',
  tag: 'tag',
  q: 'text search',
  closedFrom: 'closed from',
  closedTo: 'closed before',
};

/** An instant as people read it, always with its zone. */
export function when(instant: string | Date | null): string {
  if (instant === null) return '—';
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Text as the PDF can lay it out: line breaks kept, other control characters dropped. */
export function printable(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

export function describeSelection(selection: RecordSelection): string {
  if ('threadIds' in selection) {
    const count = selection.threadIds.length;
    return `${count} thread${count === 1 ? '' : 's'} chosen by id`;
  }
  const parts = (Object.keys(FILTER_LABELS) as (keyof RecordFilter)[]).flatMap((key) => {
    const value = selection.filter[key];
    if (value === undefined) return [];
    const shown = key === 'closedFrom' || key === 'closedTo' ? when(value) : `"${value}"`;
    return [`${FILTER_LABELS[key]} ${shown}`];
  });
  return parts.length === 0 ? 'every thread (no filter)' : `threads matching ${parts.join(', ')}`;
}

const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'no');
const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/**
 * The human-readable record (record.pdf): a cover with the package summary,
 * then each thread on its own pages with its metadata, SLA figures and
 * messages in order. Written as threads arrive, so a large package never
 * needs all of them at once.
 */
export class RecordPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly output: Promise<Buffer>;
  private threadCount = 0;

  constructor(private readonly header: RecordPackageHeader) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      font: REGULAR,
      info: {
        Title: `Record package ${header.id}`,
        Creator: `Svara ${header.generator.version}`,
        Producer: 'Svara',
        CreationDate: new Date(header.createdAt),
      },
    });
    this.output = buffer(this.doc);
  }

  cover(index: ThreadIndexEntry[]): void {
    const { header } = this;
    this.threadCount = index.length;
    this.doc.font(BOLD).fontSize(20).fillColor(INK).text('Record package');
    this.doc
      .font(REGULAR)
      .fontSize(11)
      .fillColor(MUTED)
      .text(
        header.purpose === 'ARCHIVE'
          ? 'Threads archived by a retention run before they were deleted'
          : 'Threads exported for registration',
      )
      .moveDown();
    this.field('Package', header.id);
    this.field('Created', when(header.createdAt));
    this.field('Requested', when(header.requestedAt));
    this.field(
      'Requested by',
      header.requestedBy
        ? `${header.requestedBy.name} <${header.requestedBy.email}>`
        : 'Svara (retention schedule)',
    );
    if (header.retentionRunId) this.field('Retention run', header.retentionRunId);
    this.field('Selection', describeSelection(header.selection));
    this.field('Threads', String(index.length));
    this.field('Made by', `Svara ${header.generator.version}`);

    this.heading('Files in this package');
    this.line('record.json — the machine-readable record: every thread with all its messages');
    this.line('record.schema.json — the JSON Schema (draft 2020-12) record.json conforms to');
    this.line('record.pdf — this document');
    this.line('SHA256SUMS — SHA-256 checksums of the files above (sha256sum -c SHA256SUMS)');

    this.heading('Threads');
    index.forEach((entry, position) => {
      this.line(
        `${position + 1}. ${printable(entry.subject ?? '(no subject)')} — ${printable(entry.channelName)}, ` +
          `${entry.status.toLowerCase()}, opened ${when(entry.createdAt)} — ${entry.id}`,
      );
    });
  }

  thread(thread: RecordThread, position: number): void {
    const doc = this.doc;
    doc.addPage();
    doc
      .font(BOLD)
      .fontSize(14)
      .fillColor(INK)
      .text(
        `Thread ${position} of ${this.threadCount}: ${printable(thread.subject ?? '(no subject)')}`,
      )
      .moveDown(0.4);
    this.field('Thread', thread.id);
    this.field(
      'Channel',
      `${printable(thread.channel.name)} (${thread.channel.type}, ${thread.channel.id})`,
    );
    this.field('Id on the channel', printable(thread.externalId));
    this.field('Status', thread.status);
    this.field('Team', thread.team ? printable(thread.team.name) : '—');
    this.field(
      'Assignee',
      thread.assignee ? `${printable(thread.assignee.name)} <${thread.assignee.email}>` : '—',
    );
    this.field('Tags', thread.tags.length ? thread.tags.join(', ') : '—');
    this.field('Opened', when(thread.createdAt));
    this.field('Last message', when(thread.lastMessageAt));
    this.field('Closed', when(thread.closedAt));
    if (thread.anonymizedAt) this.field('Anonymized', when(thread.anonymizedAt));
    if (thread.containsIdentityNumber) {
      this.field('Personal identity number', 'held by a message (shown in full below)');
    }

    this.heading('Contact');
    if (!thread.contact) {
      this.line('—');
    } else {
      this.field('Name', printable(orDash(thread.contact.displayName)));
      this.field('E-mail', printable(orDash(thread.contact.email)));
      for (const identity of thread.contact.identities) {
        this.field(
          `${identity.type} (${printable(identity.scope)})`,
          printable(identity.value) +
            (identity.displayName ? ` — ${printable(identity.displayName)}` : ''),
        );
      }
    }

    this.sla(thread);

    this.heading(`Messages (${thread.messages.length})`);
    thread.messages.forEach((message, index) => this.message(message, index + 1));
  }

  async end(): Promise<Buffer> {
    this.doc.end();
    return this.output;
  }

  private sla(thread: RecordThread): void {
    const { sla } = thread;
    this.heading('SLA');
    this.field('Policy', sla.policy ? printable(sla.policy.name) : '—');
    this.field('State', sla.state);
    this.field('Clock started', when(sla.startedAt));
    this.field('First response due', when(sla.firstResponseDueAt));
    this.field('First response', when(sla.firstResponseAt));
    this.field(
      'Business minutes to first response',
      sla.firstResponseMins === null ? '—' : String(sla.firstResponseMins),
    );
    this.field('First response in time', yesNo(sla.firstResponseMet));
    this.field('Next response due', when(sla.nextResponseDueAt));
    this.field('Resolution due', when(sla.resolutionDueAt));
    this.field('Escalation level', String(sla.escalationLevel));
    for (const deadline of sla.deadlines) {
      this.field(
        `Deadline ${deadline.target}`,
        `started ${when(deadline.startedAt)}, due ${when(deadline.dueAt)}` +
          (deadline.warnAt ? `, warning ${when(deadline.warnAt)}` : ''),
      );
    }
    for (const escalation of sla.escalations) {
      const outcome =
        escalation.status === 'SENT'
          ? `sent ${when(escalation.sentAt)}`
          : escalation.status.toLowerCase() +
            (escalation.error ? `: ${printable(escalation.error)}` : '');
      this.field(
        `Escalation ${escalation.target} level ${escalation.level}`,
        `fell due ${when(escalation.stepAt)} (deadline ${when(escalation.dueAt)}), ${outcome}; ` +
          `to ${escalation.recipients.length ? escalation.recipients.join(', ') : 'nobody'}`,
      );
    }
  }

  private message(message: RecordMessage, number: number): void {
    const doc = this.doc;
    const author = [message.author.user?.name ?? message.author.name, message.author.address]
      .filter((part): part is string => Boolean(part))
      .map(printable);
    doc
      .moveDown(0.6)
      .font(BOLD)
      .fontSize(10)
      .fillColor(INK)
      .text(
        `${number}. ${DIRECTION[message.direction]}` +
          (author.length ? ` — ${author[0]}${author[1] ? ` <${author[1]}>` : ''}` : ''),
      );
    const facts = [
      `sent ${when(message.sentAt)}`,
      `received ${when(message.receivedAt)}`,
      `delivery ${message.deliveryStatus.toLowerCase()}` +
        (message.deliveryError ? `: ${printable(message.deliveryError)}` : ''),
    ];
    if (message.automatic) facts.push('automatic (auto-reply, bounce or list mail)');
    if (message.containsIdentityNumber) facts.push('holds a personal identity number');
    if (message.hiddenAt) facts.push(`hidden on the channel ${when(message.hiddenAt)}`);
    if (message.editedAt) facts.push(`edited by its author ${when(message.editedAt)}`);
    if (message.removedAt) facts.push(`removed on the channel ${when(message.removedAt)}`);
    doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(facts.join(' · '));
    doc
      .fontSize(10)
      .fillColor(INK)
      .text(printable(message.text) || '(no text)');
    if (message.quotedText) {
      doc
        .moveDown(0.2)
        .fontSize(8)
        .fillColor(MUTED)
        .text(printable(message.quotedText), { indent: 12 });
    }
    for (const attachment of message.attachments) {
      doc
        .fontSize(8)
        .fillColor(MUTED)
        .text(
          `Attachment: ${printable(attachment.filename ?? '(no name)')} ` +
            `(${attachment.contentType ?? 'unknown type'}` +
            (attachment.size === null ? ')' : `, ${attachment.size} bytes)`),
        );
    }
  }

  private heading(text: string): void {
    this.doc.moveDown(0.8).font(BOLD).fontSize(12).fillColor(INK).text(text).moveDown(0.2);
  }

  private field(label: string, value: string): void {
    this.doc
      .font(BOLD)
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${label}: `, { continued: true })
      .font(REGULAR)
      .fillColor(INK)
      .text(value);
  }

  private line(text: string): void {
    this.doc.font(REGULAR).fontSize(9).fillColor(INK).text(text);
  }
}
