import type { JSONSchemaType } from 'ajv';
import type { ImapFlow } from 'imapflow';
import { jsonDecoder } from '@svara/common';
import type { Channel, Prisma } from '@svara/database';
import type { PollResult } from '../channel-adapter';
import { type EmailItem, MAX_STORED_MAIL_BYTES } from './email-item';

/** Where reading stopped in each mailbox: valid only while the mailbox keeps its UIDVALIDITY. */
export interface EmailCursor {
  mailboxes: Record<string, { uidValidity: string; lastUid: number }>;
}

/** At most this many mails, or this many bytes, per stored page. */
const PAGE_MAILS = 200;
const PAGE_BYTES = 20 * 1024 * 1024;

const storedCursor: JSONSchemaType<EmailCursor> = {
  type: 'object',
  properties: {
    mailboxes: {
      type: 'object',
      required: [],
      additionalProperties: {
        type: 'object',
        properties: { uidValidity: { type: 'string' }, lastUid: { type: 'integer', minimum: 0 } },
        required: ['uidValidity', 'lastUid'],
      },
    },
  },
  required: ['mailboxes'],
};

const decodeCursor = jsonDecoder("an e-mail channel's cursor", storedCursor);

/** A channel polled for the first time has no cursor; a stored one is checked. */
export function cursorOf(value: unknown): EmailCursor {
  if (value === null || value === undefined) return { mailboxes: {} };
  return { mailboxes: { ...decodeCursor(value).mailboxes } };
}

/**
 * Reads the next page of a mailbox after the cursor, oldest first. UIDs only
 * grow, so "after the last UID stored" skips nothing and repeats nothing. When
 * the mailbox's UIDVALIDITY changed (rebuilt or restored on the server), old
 * UIDs mean nothing: it is read again from the channel's backfill date, and
 * Message-IDs keep what was stored before from being stored twice.
 */
export async function readMailboxPage(
  client: ImapFlow,
  channel: Channel,
  mailboxName: string,
  storedCursor: unknown,
): Promise<PollResult & { uidValidityChanged: boolean }> {
  const cursor = cursorOf(storedCursor);
  const mailbox = await client.mailboxOpen(mailboxName, { readOnly: true });
  const uidValidity = String(mailbox.uidValidity);
  const known = cursor.mailboxes[mailboxName];
  const uidValidityChanged = Boolean(known && known.uidValidity !== uidValidity);
  const lastUid =
    known && !uidValidityChanged
      ? known.lastUid
      : await uidBefore(client, channel.backfillSince, Number(mailbox.uidNext));

  const pending =
    mailbox.exists === 0
      ? []
      : ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [])
          .filter((uid) => uid > lastUid)
          .sort((a, b) => a - b);
  const candidates = pending.slice(0, PAGE_MAILS);
  const sizes = new Map<number, number>();
  if (candidates.length > 0) {
    for (const message of await client.fetchAll(
      sequenceSet(candidates),
      { uid: true, size: true },
      { uid: true },
    ))
      sizes.set(message.uid, message.size ?? 0);
  }
  const page: number[] = [];
  let bytes = 0;
  for (const uid of candidates) {
    const size = Math.min(sizes.get(uid) ?? 0, MAX_STORED_MAIL_BYTES);
    if (page.length > 0 && bytes + size > PAGE_BYTES) break;
    page.push(uid);
    bytes += size;
  }

  const items = await fetchItems(client, mailboxName, uidValidity, page, sizes);
  const newLastUid = page.length > 0 ? page[page.length - 1]! : lastUid;
  const next: EmailCursor = {
    mailboxes: { ...cursor.mailboxes, [mailboxName]: { uidValidity, lastUid: newLastUid } },
  };
  return {
    items,
    cursor: next as unknown as Prisma.InputJsonValue,
    hasMore: pending.length > page.length,
    uidValidityChanged,
  };
}

/** Ascending UIDs as a compact IMAP sequence set ("1:50,52:200"): far faster to fetch than a list. */
export function sequenceSet(uids: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < uids.length;) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j += 1;
    ranges.push(i === j ? `${uids[i]}` : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}

/** The UID just before the first mail that arrived on or after `since` (IMAP SINCE is by day). */
async function uidBefore(client: ImapFlow, since: Date, uidNext: number): Promise<number> {
  const found = (await client.search({ since }, { uid: true })) || [];
  return found.length > 0 ? Math.min(...found) - 1 : Math.max(0, uidNext - 1);
}

async function fetchItems(
  client: ImapFlow,
  mailbox: string,
  uidValidity: string,
  uids: number[],
  sizes: Map<number, number>,
): Promise<EmailItem[]> {
  if (uids.length === 0) return [];
  const whole = uids.filter((uid) => (sizes.get(uid) ?? 0) <= MAX_STORED_MAIL_BYTES);
  const large = uids.filter((uid) => (sizes.get(uid) ?? 0) > MAX_STORED_MAIL_BYTES);
  const fetched = [
    ...(whole.length > 0
      ? await client.fetchAll(
          sequenceSet(whole),
          { uid: true, internalDate: true, size: true, source: true },
          { uid: true },
        )
      : []),
    ...(large.length > 0
      ? await client.fetchAll(
          sequenceSet(large),
          {
            uid: true,
            internalDate: true,
            size: true,
            source: { maxLength: MAX_STORED_MAIL_BYTES },
          },
          { uid: true },
        )
      : []),
  ];
  return fetched
    .filter((message) => message.source)
    .sort((a, b) => a.uid - b.uid)
    .map((message) => {
      const size = message.size ?? message.source!.length;
      const internalDate = message.internalDate ? new Date(message.internalDate) : new Date();
      return {
        mailbox,
        uidValidity,
        uid: message.uid,
        internalDate: internalDate.toISOString(),
        size,
        raw: message.source!.toString('base64'),
        ...(size > MAX_STORED_MAIL_BYTES && { truncated: true }),
      };
    });
}
