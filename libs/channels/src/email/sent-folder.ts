import type { ImapFlow } from 'imapflow';
import type { EmailConfig, EmailSecrets } from './email-settings';
import { withImap } from './imap-connection';

const SENT = '\\Sent';

/** The mailbox the server marks as its Sent folder (RFC 6154 SPECIAL-USE), whatever its name. */
export async function findSentFolder(client: ImapFlow): Promise<string | null> {
  const folders = await client.list();
  return folders.find((folder) => folder.specialUse === SENT)?.path ?? null;
}

/**
 * Files a copy of a sent mail in the mailbox's Sent folder, read, so the
 * shared mailbox shows the whole conversation in any mail program. Returns
 * the folder's name, or null when the server marks no folder as Sent.
 */
export function appendToSentFolder(
  config: EmailConfig,
  secrets: EmailSecrets,
  raw: Buffer,
  sentAt: Date,
): Promise<string | null> {
  return withImap(config, secrets, async (client) => {
    const folder = await findSentFolder(client);
    if (folder) await client.append(folder, raw, ['\\Seen'], sentAt);
    return folder;
  });
}
