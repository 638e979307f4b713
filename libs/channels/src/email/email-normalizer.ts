import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email, type Mailbox } from 'postal-mime';
import { wellFormedText } from '@svara/common';
import type {
  AttachmentMeta,
  AttachmentSource,
  ContactRef,
  NormalizedMessage,
} from '@svara/pipeline';
import { isPlausibleTime, UnusableItem } from '@svara/pipeline';
import { automaticKindOf, bouncedMessageId } from './automatic-mail';
import type { EmailItem } from './email-item';
import { sanitizeMailHtml } from './mail-html';
import { repairWindows1252, textOfHtml } from './mail-text';
import { DERIVED_ID_SUFFIX, messageIdOf, messageIdsIn } from './message-ids';
import { splitQuoted } from './quoted-text';
import { tokenReference } from './thread-token';

/** Where automatic mail that answers nothing Svara knows is kept: one closed thread per channel. */
export const AUTOMATIC_MAIL_THREAD = 'automatic-mail';

const mailboxes = (addresses: Address[] | Address | undefined): Mailbox[] =>
  (Array.isArray(addresses) ? addresses : addresses ? [addresses] : []).flatMap((address) =>
    address.group ? address.group : [address],
  );

// Postgres text cannot hold NUL; broken mail sometimes carries it.
const clean = (value: string) => repairWindows1252(wellFormedText(value));

function checkItem(raw: unknown): EmailItem {
  const item = raw as Partial<EmailItem> | null;
  if (!item || typeof item !== 'object') throw new UnusableItem('mail item is not an object');
  if (typeof item.raw !== 'string') throw new UnusableItem('mail item has no source');
  if (typeof item.internalDate !== 'string' || Number.isNaN(Date.parse(item.internalDate)))
    throw new UnusableItem('mail item has no internalDate');
  return item as EmailItem;
}

function sentAtOf(email: Email, item: EmailItem): Date {
  const date = email.date ? new Date(email.date) : undefined;
  return date && isPlausibleTime(date) ? date : new Date(item.internalDate);
}

function attachmentsOf(email: Email): AttachmentMeta[] {
  return email.attachments.map((attachment, index) => {
    const size =
      typeof attachment.content === 'string'
        ? Buffer.byteLength(
            attachment.content,
            attachment.encoding === 'base64' ? 'base64' : 'utf8',
          )
        : attachment.content.byteLength;
    const contentId = attachment.contentId?.replace(/^<|>$/g, '');
    return {
      filename: clean(attachment.filename ?? `attachment-${index + 1}`),
      contentType: attachment.mimeType,
      size,
      ...(contentId && { contentId }),
    };
  });
}

/** Base64 in mail takes about 4 bytes (and line breaks) for every 3 of the file. */
const BASE64_SHARE = 0.74;

/**
 * Each attachment's bytes. In a mail cut at MAX_STORED_MAIL_BYTES the last
 * attachment is the one the cut went through: its bytes are not kept, and
 * its size is what the rest of the mail on the server suggests.
 */
function attachmentSourcesOf(
  email: Email,
  item: EmailItem,
  described: AttachmentMeta[],
): AttachmentSource[] {
  const sources: AttachmentSource[] = email.attachments.map((attachment) => ({
    bytes:
      typeof attachment.content === 'string'
        ? Buffer.from(attachment.content, attachment.encoding === 'base64' ? 'base64' : 'utf8')
        : new Uint8Array(attachment.content),
  }));
  const last = described.at(-1);
  if (item.truncated && last) {
    const storedBytes = Buffer.byteLength(item.raw, 'base64');
    last.size += Math.max(0, Math.round((item.size - storedBytes) * BASE64_SHARE));
    sources[sources.length - 1] = { cut: true };
  }
  return sources;
}

function contactOf(mailbox: Mailbox | undefined): ContactRef | undefined {
  const address = mailbox?.address?.trim().toLowerCase();
  if (!address || !address.includes('@')) return undefined;
  const name = mailbox!.name?.trim() ? clean(mailbox!.name.trim()) : undefined;
  return { type: 'EMAIL', scope: 'global', value: address, displayName: name, email: address };
}

/**
 * When no referenced message is stored yet (a reply ingested before the mail
 * it answers), the conversation's first Message-ID together with the
 * citizen's address still brings a citizen's mails together, in any order,
 * and keeps apart strangers who answered the same mail-out.
 */
function conversationKey(email: Email, externalId: string, contact?: ContactRef): string {
  const root = messageIdsIn(email.references)[0] ?? messageIdsIn(email.inReplyTo)[0] ?? externalId;
  return contact ? `${root} ${contact.value}` : root;
}

/**
 * One stored mail as a message: threading by Message-ID, In-Reply-To,
 * References and Svara's thread token; automatic mail recognised; quoted
 * history set apart; HTML sanitized; attachments described.
 */
export async function normalizeEmail(
  raw: unknown,
  channelAddress: string,
): Promise<NormalizedMessage> {
  const item = checkItem(raw);
  const source = Buffer.from(item.raw, 'base64');
  let email: Email;
  try {
    email = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new UnusableItem(`mail cannot be parsed: ${(error as Error).message}`);
  }

  // A mail without a Message-ID gets one from its content, so a re-poll finds the same id.
  const externalId =
    messageIdOf(email.messageId) ??
    `${createHash('sha256').update(source).digest('hex').slice(0, 40)}${DERIVED_ID_SUFFIX}`;
  const from = mailboxes(email.from)[0];
  const ownAddress = channelAddress.toLowerCase();
  const outbound = from?.address?.toLowerCase() === ownAddress;
  const kind = automaticKindOf(email);
  const subject = email.subject?.trim() ? clean(email.subject.trim()) : undefined;

  const references = [
    ...(kind === 'bounce' ? [bouncedMessageId(email)] : []),
    ...messageIdsIn(email.inReplyTo),
    ...messageIdsIn(email.references).reverse(),
    tokenReference(subject, ownAddress),
  ].filter((id): id is string => Boolean(id) && id !== externalId);

  const body = clean(email.text?.trim() ? email.text : email.html ? textOfHtml(email.html) : '');
  const { text, quoted } = splitQuoted(body);
  const note = item.truncated
    ? `\n\n[This mail was ${Math.ceil(item.size / 1024)} kB; only its first part was stored.]`
    : '';
  const html = email.html ? sanitizeMailHtml(clean(email.html)) : '';

  const counterpart = outbound
    ? mailboxes(email.to).find((to) => to.address?.toLowerCase() !== ownAddress)
    : from;
  const contact = contactOf(counterpart);
  const attachments = attachmentsOf(email);
  return {
    externalId,
    threadExternalId: kind ? AUTOMATIC_MAIL_THREAD : conversationKey(email, externalId, contact),
    references: [...new Set(references)],
    subject: kind ? undefined : subject,
    direction: outbound ? 'OUTBOUND' : 'INBOUND',
    // Machines (bounces, auto-replies) do not become contacts.
    contact: kind ? undefined : contact,
    authorName: from?.name?.trim() ? clean(from.name.trim()) : undefined,
    authorAddress: from?.address?.trim().toLowerCase() || undefined,
    text: text + note,
    ...(quoted && { quotedText: quoted }),
    ...(html && { html }),
    attachments,
    attachmentSources: attachmentSourcesOf(email, item, attachments),
    automatic: Boolean(kind),
    sentAt: sentAtOf(email, item),
  };
}
