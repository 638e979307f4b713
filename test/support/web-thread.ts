import { eventually } from './eventually';
import type { FakeAccount } from './fake-graph';
import { apiCall } from './web-people';
import type { WebStack } from './web';

/** A raw mail as a citizen's mail program writes it (CRLF, encoded subject). */
export function rawMail({
  from,
  subject,
  messageId,
  date = new Date(),
  headers = [],
  body,
  contentType = 'text/plain; charset=utf-8',
}: {
  from: string;
  subject: string;
  messageId: string;
  date?: Date;
  headers?: string[];
  body: string;
  contentType?: string;
}): string {
  return [
    `From: ${from}`,
    'To: kommun@kommun.test',
    `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: ${messageId}`,
    `Date: ${date.toUTCString()}`,
    ...headers,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    body.replace(/\r?\n/g, '\r\n'),
    '',
  ].join('\r\n');
}

/** A mail with a plain-text and an HTML part. */
export function alternativeMail(
  mail: Omit<Parameters<typeof rawMail>[0], 'body' | 'contentType'> & {
    text: string;
    html: string;
  },
): string {
  const boundary = 'alt-boundary-42';
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.html,
    `--${boundary}--`,
  ].join('\n');
  return rawMail({ ...mail, body, contentType: `multipart/alternative; boundary="${boundary}"` });
}

/** A Facebook Page of the fake Graph API connected by an admin, in a team, read from an hour back. */
export async function connectFacebookPage(
  stack: WebStack,
  adminToken: string,
  page: FakeAccount,
  teamId: string,
): Promise<string> {
  const channel = await apiCall<{ id: string }>(stack, adminToken, 'POST', '/channels', {
    type: 'FACEBOOK_PAGE',
    name: page.name,
    teamId,
    config: { pageId: page.id },
    secrets: { pageAccessToken: page.token },
  });
  await stack.prisma.channel.update({
    where: { id: channel.id },
    data: { backfillSince: new Date(Date.now() - 3600_000) },
  });
  return channel.id;
}

/** Polls the channel now (as an admin may) and waits for the thread with this external id. */
export async function pollForThread(
  stack: WebStack,
  adminToken: string,
  channelId: string,
  externalId: string,
) {
  await apiCall(stack, adminToken, 'POST', `/channels/${channelId}/poll`);
  return eventually(
    () =>
      stack.prisma.thread
        .findFirst({ where: { channelId, externalId }, include: { messages: true } })
        .then((thread) => thread ?? undefined),
    { timeoutMs: 30_000, intervalMs: 100, what: `thread ${externalId} of the poll` },
  );
}
