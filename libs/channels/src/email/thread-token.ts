import { createHash } from 'node:crypto';

/**
 * Svara's thread token: a short code in the subject of every reply Svara
 * sends ("Re: Sophämtning [#k3x9q2m7w4ab]"). It names the reply's own
 * Message-ID, so a citizen's answer finds its thread even when their mail
 * program drops In-Reply-To and References.
 */
const TOKEN = /\[#([a-z0-9]{12})\]/i;
const REPLY_PREFIX = /^\s*((re|sv|vs|aw|vl|fw|fwd|vb|vst)\s*(\[\d+\])?\s*:\s*)+/i;

/** Deterministic per outgoing message, so a retried send keeps its Message-ID. */
export function threadToken(messageId: string): string {
  const digest = createHash('sha256').update(messageId).digest();
  return BigInt(`0x${digest.subarray(0, 8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The Message-ID (without brackets) of an outgoing message with this token. */
export function outgoingMessageId(token: string, channelAddress: string): string {
  return `svara.${token}@${domainOf(channelAddress)}`;
}

/** The outgoing message a subject's token points to, if it carries one. */
export function tokenReference(subject: string | undefined, channelAddress: string) {
  const token = subject?.match(TOKEN)?.[1];
  return token ? outgoingMessageId(token.toLowerCase(), channelAddress) : undefined;
}

/** "Re: <subject without earlier prefixes and tokens> [#token]". */
export function replySubject(threadSubject: string | null, token: string): string {
  const base = (threadSubject ?? '')
    .replace(new RegExp(TOKEN.source, 'gi'), '')
    .replace(REPLY_PREFIX, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `Re: ${base || 'Ditt meddelande'} [#${token}]`;
}
