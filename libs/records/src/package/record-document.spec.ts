import {
  RECORD_FORMAT,
  RECORD_FORMAT_VERSION,
  type RecordDocument,
  type RecordThreadRow,
  recordThread,
} from './record-document';
import { assertMatchesSchema, RecordDoesNotMatchSchema } from './record-schema';

const at = (iso: string) => new Date(iso);

function row(overrides: Partial<RecordThreadRow> = {}): RecordThreadRow {
  const channel = {
    id: '0f6c1d2e-1111-4222-8333-944455556666',
    type: 'EMAIL' as const,
    name: 'Kommun',
  };
  return {
    id: '1a2b3c4d-1111-4222-8333-944455556666',
    channelId: channel.id,
    externalId: '<abc@kommun.se>',
    contactId: '2a2b3c4d-1111-4222-8333-944455556666',
    subject: 'Bygglov för förråd',
    postText: null,
    postPermalink: null,
    postExternalId: null,
    status: 'CLOSED',
    assigneeId: null,
    teamId: null,
    slaPolicyId: null,
    lastMessageAt: at('2026-03-02T09:00:00Z'),
    lastInboundAt: at('2026-03-02T08:00:00Z'),
    lastOutboundAt: at('2026-03-02T09:00:00Z'),
    firstResponseAt: at('2026-03-02T09:00:00Z'),
    firstResponseDueAt: at('2026-03-03T16:00:00Z'),
    nextResponseDueAt: null,
    resolutionDueAt: null,
    nextSlaCheckAt: null,
    slaState: 'OK',
    escalationLevel: 1,
    slaClocks: null,
    slaDeadlines: [
      {
        target: 'resolution',
        startedAt: '2026-03-02T08:00:00.000Z',
        dueAt: '2026-03-09T16:00:00.000Z',
      },
      { target: 'broken' },
    ],
    nextEscalationAt: null,
    slaStartedAt: at('2026-03-02T08:00:00Z'),
    firstResponseMins: 60,
    firstResponseMet: true,
    messageCount: 1,
    tags: ['bygglov'],
    containsIdentityNumber: true,
    anonymizedAt: null,
    recordExportedAt: null,
    lastRecordExportId: null,
    version: 3,
    closedAt: at('2026-03-04T10:00:00Z'),
    createdAt: at('2026-03-02T08:00:00Z'),
    updatedAt: at('2026-03-04T10:00:00Z'),
    channel,
    team: null,
    assignee: null,
    slaPolicy: { id: '3a2b3c4d-1111-4222-8333-944455556666', name: 'Nästa arbetsdag' },
    contact: {
      id: '2a2b3c4d-1111-4222-8333-944455556666',
      displayName: 'Åsa Øberg',
      email: 'asa@example.se',
      createdAt: at('2026-03-02T08:00:00Z'),
      updatedAt: at('2026-03-02T08:00:00Z'),
      identities: [
        {
          id: '4a2b3c4d-1111-4222-8333-944455556666',
          contactId: '2a2b3c4d-1111-4222-8333-944455556666',
          type: 'EMAIL',
          scope: 'global',
          value: 'asa@example.se',
          displayName: 'Åsa Øberg',
          username: null,
          profileReadAt: null,
          profileFailedAt: null,
          createdAt: at('2026-03-02T08:00:00Z'),
        },
      ],
    },
    escalations: [
      {
        id: '5a2b3c4d-1111-4222-8333-944455556666',
        threadId: '1a2b3c4d-1111-4222-8333-944455556666',
        target: 'firstResponse',
        level: 1,
        dueAt: at('2026-03-03T16:00:00Z'),
        stepAt: at('2026-03-03T12:00:00Z'),
        status: 'SENT',
        recipients: ['lead@kommun.se'],
        attempts: 1,
        smtpMessageId: '<m@kommun.se>',
        smtpResponse: '250 OK',
        lastError: null,
        sentAt: at('2026-03-03T12:00:01Z'),
        createdAt: at('2026-03-03T12:00:00Z'),
        updatedAt: at('2026-03-03T12:00:01Z'),
      },
    ],
    messages: [
      {
        id: '6a2b3c4d-1111-4222-8333-944455556666',
        threadId: '1a2b3c4d-1111-4222-8333-944455556666',
        channelId: channel.id,
        externalId: '<abc@kommun.se>',
        direction: 'INBOUND',
        authorUserId: null,
        authorName: 'Åsa Øberg',
        authorAddress: 'asa@example.se',
        text: 'Mitt personnummer är 19811218-9876.',
        quotedText: null,
        html: '<p>Mitt personnummer är 19811218-9876.</p>',
        attachments: [
          {
            filename: 'ritning.pdf',
            contentType: 'application/pdf',
            size: 1234,
            storageKey: 'k/1',
          },
          'not an attachment',
        ],
        automatic: false,
        containsIdentityNumber: true,
        sentAt: at('2026-03-02T08:00:00Z'),
        receivedAt: at('2026-03-02T08:00:02Z'),
        deliveryStatus: 'RECEIVED',
        deliveryError: null,
        hiddenAt: null,
        editedAt: null,
        removedAt: null,
        edits: [],
        authorUser: null,
      },
    ],
    ...overrides,
  };
}

function documentOf(rows: RecordThreadRow[]): RecordDocument {
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    package: {
      id: '7a2b3c4d-1111-4222-8333-944455556666',
      purpose: 'REGISTRATION',
      requestedAt: '2026-04-01T08:00:00.000Z',
      createdAt: '2026-04-01T08:00:05.000Z',
      requestedBy: {
        id: '8a2b3c4d-1111-4222-8333-944455556666',
        name: 'Lead',
        email: 'lead@kommun.se',
      },
      retentionRunId: null,
      selection: { filter: { status: 'CLOSED', closedFrom: '2026-03-01T00:00:00.000Z' } },
      threadCount: rows.length,
      generator: { name: 'Svara', version: '0.1.0' },
    },
    threads: rows.map(recordThread),
  };
}

describe('record.json', () => {
  it('holds the thread in full, identity numbers included, and matches its schema', () => {
    const document = documentOf([row()]);
    expect(() => assertMatchesSchema(document)).not.toThrow();
    const [thread] = document.threads;
    expect(thread!.messages[0]!.text).toBe('Mitt personnummer är 19811218-9876.');
    expect(thread!.contact!.identities).toEqual([
      { type: 'EMAIL', scope: 'global', value: 'asa@example.se', displayName: 'Åsa Øberg' },
    ]);
    expect(thread!.sla.escalations[0]).toEqual({
      target: 'firstResponse',
      level: 1,
      dueAt: '2026-03-03T16:00:00.000Z',
      stepAt: '2026-03-03T12:00:00.000Z',
      status: 'SENT',
      recipients: ['lead@kommun.se'],
      sentAt: '2026-03-03T12:00:01.000Z',
      smtpResponse: '250 OK',
      error: null,
    });
  });

  it('keeps what describes an attachment, not where Svara stores it, and skips malformed entries', () => {
    const [thread] = documentOf([row()]).threads;
    expect(thread!.messages[0]!.attachments).toEqual([
      { filename: 'ritning.pdf', contentType: 'application/pdf', size: 1234, contentId: null },
    ]);
    expect(thread!.sla.deadlines).toEqual([
      {
        target: 'resolution',
        startedAt: '2026-03-02T08:00:00.000Z',
        dueAt: '2026-03-09T16:00:00.000Z',
        warnAt: null,
      },
    ]);
  });

  it('records a thread without contact, subject or SLA policy', () => {
    const document = documentOf([row({ contact: null, subject: null, slaPolicy: null })]);
    expect(() => assertMatchesSchema(document)).not.toThrow();
  });

  it('refuses a record that strays from the schema, naming the path but no value', () => {
    const document = documentOf([row()]);
    const stray = {
      ...document,
      threads: [{ ...document.threads[0]!, secret: '19811218-9876', subject: 42 }],
    } as unknown as RecordDocument;
    let error: unknown;
    try {
      assertMatchesSchema(stray);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(RecordDoesNotMatchSchema);
    expect((error as Error).message).toContain('/threads/0');
    expect((error as Error).message).not.toContain('19811218');
  });

  it('refuses a package header without its selection', () => {
    const document = documentOf([row()]);
    const { selection: _, ...header } = document.package;
    expect(() =>
      assertMatchesSchema({ ...document, package: header } as unknown as RecordDocument),
    ).toThrow(RecordDoesNotMatchSchema);
  });
});
