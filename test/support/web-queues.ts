import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Prisma } from '@svara/database';
import { jobId } from '@svara/pipeline';
import { testQueue } from './apps';
import { eventually } from './eventually';
import { webFormItem } from './factories';
import type { WebStack } from './web';
import { apiCall, ingestedThread, submitWebForm } from './web-people';
import type { Strings } from './web-strings';

/**
 * A citizen's web-form thread and a reply to it that the mail server refused
 * for good (550): the reply is FAILED and its send job failed, for real.
 */
export async function refusedReply(
  stack: WebStack,
  token: string,
  channelId: string,
  form: { name: string; email: string; subject: string; message: string },
  text: string,
) {
  const thread = await ingestedThread(stack, await submitWebForm(stack, channelId, form));
  stack.smtp.refuseNext(1);
  const reply = await apiCall<{ id: string }>(
    stack,
    token,
    'POST',
    `/threads/${thread.id}/replies`,
    {
      text,
    },
  );
  await eventually(
    async () => {
      const message = await stack.prisma.message.findUniqueOrThrow({ where: { id: reply.id } });
      return message.deliveryStatus === 'FAILED' ? message : undefined;
    },
    { timeoutMs: 20_000, what: 'the reply to be refused' },
  );
  return { thread, messageId: reply.id, jobId: jobId.sendMessage(reply.id) };
}

/**
 * A batch ingest really parks: its one item's id is longer than the message
 * index can hold, so Postgres refuses it on every attempt.
 */
export async function parkedBatch(stack: WebStack, channelId: string) {
  const item = webFormItem({
    id: `form-${randomBytes(9000).toString('base64url')}`,
    name: 'Per Nilsson',
    email: 'per.nilsson@example.se',
    subject: 'Parkering vid skolan',
    message: 'Bilar står parkerade på trottoaren utanför skolan varje morgon.',
  });
  const batch = await stack.prisma.inboundBatch.create({
    data: {
      channelId,
      source: 'FORM',
      itemCount: 1,
      items: [item] as unknown as Prisma.InputJsonArray,
    },
  });
  const ingest = testQueue('ingest', stack.env);
  try {
    await ingest.add('ingest-batch', { batchId: batch.id }, { jobId: jobId.ingestBatch(batch.id) });
  } finally {
    await ingest.close();
  }
  return eventually(
    async () => {
      const row = await stack.prisma.inboundBatch.findUniqueOrThrow({ where: { id: batch.id } });
      return row.status === 'FAILED' ? row : undefined;
    },
    { timeoutMs: 30_000, what: 'the batch to be parked' },
  );
}

/** The row of a job, by its id, in the queues page's table of one queue's jobs. */
export const jobRow = (page: Page, id: string) => page.getByRole('row').filter({ hasText: id });

/** The row of a queue in the queues page's table of queues. */
export const queueRow = (page: Page, t: Strings, queue: string) =>
  page
    .getByRole('table', { name: t('queues.table') })
    .getByRole('row')
    .filter({ hasText: t(`queues.name.${queue}`) });

/** A parked batch's row, by the reason it shows. */
export const parkedRow = (page: Page, t: Strings, reason: string) =>
  page
    .getByRole('table', { name: t('parkedBatches.table') })
    .getByRole('row')
    .filter({
      hasText: reason,
    });
