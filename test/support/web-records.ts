import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import type { WebStack } from './web';

const DAY = 24 * 60 * 60 * 1000;

/** A closed web-form thread with one message from the citizen, closed `closedDaysAgo` days ago. */
export async function createClosedThread(
  stack: WebStack,
  {
    channelId,
    subject,
    closedDaysAgo,
    contactId = null as string | null,
    author = { name: 'Anna Andersson', address: 'anna.andersson@example.se' },
  }: {
    channelId: string;
    subject: string;
    closedDaysAgo: number;
    contactId?: string | null;
    author?: { name: string; address: string };
  },
) {
  const closedAt = new Date(Date.now() - closedDaysAgo * DAY);
  const sentAt = new Date(closedAt.getTime() - 2 * DAY);
  return stack.prisma.thread.create({
    data: {
      channelId,
      externalId: randomUUID(),
      subject,
      status: 'CLOSED',
      closedAt,
      lastMessageAt: sentAt,
      contactId,
      messageCount: 1,
      messages: {
        create: {
          channelId,
          externalId: randomUUID(),
          direction: 'INBOUND',
          authorName: author.name,
          authorAddress: author.address,
          text: `Hej! ${subject}. Med vänlig hälsning, ${author.name}`,
          sentAt,
        },
      },
    },
  });
}

/** A citizen known by e-mail, as a contact with one identity. */
export function createContact(stack: WebStack, { name, email }: { name: string; email: string }) {
  return stack.prisma.contact.create({
    data: {
      id: randomUUID(),
      displayName: name,
      email,
      identities: { create: { type: 'EMAIL', scope: 'global', value: email, displayName: name } },
    },
  });
}

/** The SHA-256 (hex) of a file the browser downloaded. */
export async function downloadedSha256(download: Download): Promise<string> {
  const file = await download.path();
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** YYYY-MM-DD of the day `daysAgo` days before today, where the browser is (the test's zone). */
export function dateDaysAgo(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
