import type { Message } from '../api/types';

/** A citizen's message as the thread API gives it, with what a test needs changed. */
export const inboundMessage = (overrides: Partial<Message> = {}): Message => ({
  id: 'm1',
  direction: 'INBOUND',
  externalId: 'x1',
  author: { name: 'Sara', address: 'sara@example.se', userId: null },
  text: 'Se bilagorna',
  quotedText: null,
  html: null,
  attachments: [],
  storedAttachments: [],
  automatic: false,
  containsIdentityNumber: false,
  sentAt: '2026-12-04T10:00:00Z',
  receivedAt: '2026-12-04T10:00:01Z',
  deliveryStatus: 'RECEIVED',
  deliveryError: null,
  hiddenAt: null,
  editedAt: null,
  removedAt: null,
  earlierVersions: [],
  ...overrides,
});
