import type { Browser } from 'playwright-core';
import { eventually } from '@svara/testing';
import { apiToken, createPerson, type Person, signIn } from '../support/web-people';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';
import { jobRow, parkedBatch, parkedRow, queueRow, refusedReply } from '../support/web-queues';

describe('queues and parked messages for admins', () => {
  let stack: WebStack;
  let browser: Browser;
  let admin: Person;
  let channelId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    admin = await createPerson(stack, { role: 'ADMIN', name: 'Eva Holm' });
    const channel = await stack.prisma.channel.create({
      data: { type: 'WEB_FORM', name: 'Kontakta oss', backfillSince: new Date() },
    });
    channelId = channel.id;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows a failed job with its reason and runs it again once', async () => {
    const token = await apiToken(stack, admin);
    const refused = await refusedReply(
      stack,
      token,
      channelId,
      {
        name: 'Anna Andersson',
        email: 'anna.andersson@example.se',
        subject: 'Bygglov för altan',
        message: 'Hej! Behöver jag bygglov för en altan på 20 kvadratmeter?',
      },
      'Hej Anna! Nej, en altan under 1,8 meter behöver inget bygglov.',
    );

    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await page.goto('/admin/queues');
    // The queue with failed jobs is the one shown, its failed jobs first.
    await page
      .getByRole('heading', { name: t('queues.jobsOf', { queue: t('queues.name.outbound') }) })
      .waitFor();
    const outbound = queueRow(page, t, 'outbound');
    await outbound.getByText(t('queues.shown')).waitFor();
    const row = jobRow(page, refused.jobId);
    await row.waitFor();
    await row.getByText('The mail server refused the reply').waitFor();
    expect(await row.getByText(t('queues.jobName.send-message')).count()).toBe(1);
    expect(await row.textContent()).toContain(t('queues.attemptsOf', { made: 1, allowed: 6 }));
    // Neither the citizen's address nor the reply's text is shown.
    expect(await page.locator('main').textContent()).not.toMatch(/anna\.andersson|altan/);
    await expectAccessible(page, 'the queues page');
    await saveScreenshot(page, 'admin-queues.png');

    await row.getByRole('button', { name: t('queues.retry.button') }).click();
    const dialog = page.getByRole('alertdialog', { name: t('queues.retry.title') });
    await dialog.waitFor();
    await expectAccessible(page, 'the retry dialog');
    await dialog.getByRole('button', { name: t('queues.retry.confirm') }).click();
    await dialog.waitFor({ state: 'hidden' });

    const [mail] = await stack.smtp.waitFor((m) => m.to.includes('anna.andersson@example.se'), {
      timeoutMs: 20_000,
    });
    expect(mail!.parsed.text).toContain('behöver inget bygglov');
    await eventually(
      async () => {
        const message = await stack.prisma.message.findUniqueOrThrow({
          where: { id: refused.messageId },
        });
        return message.deliveryStatus === 'SENT' ? true : undefined;
      },
      { what: 'the reply to be sent' },
    );
    // The page follows the queue: the job leaves the failed list by itself.
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText(t('queues.none')).waitFor();
    // Still the same queue: the view does not jump to another.
    await outbound.getByText(t('queues.shown')).waitFor();
    expect(await outbound.textContent()).not.toContain(t('queues.show'));
    expect(
      await stack.prisma.auditLog.count({
        where: { action: 'queue_job.retried', entityId: `outbound/${refused.jobId}` },
      }),
    ).toBe(1);
    expect(stack.smtp.mail.filter((m) => m.to.includes('anna.andersson@example.se'))).toHaveLength(
      1,
    );
    await context.close();
  });

  it('lists a parked message with its reason and gives it to ingest again', async () => {
    const parked = await parkedBatch(stack, channelId);
    expect(parked.lastError).toMatch(/index row/);

    for (const language of ['sv', 'en'] as const) {
      // English in the dark theme, so axe checks its contrast too.
      const { context, page, t } = await signIn(browser, stack, admin, language, {
        colorScheme: language === 'en' ? 'dark' : 'light',
      });
      await page.goto('/admin/parked-batches');
      const row = parkedRow(page, t, parked.lastError!.slice(0, 40));
      await row.waitFor();
      expect(await row.textContent()).toContain('Kontakta oss');
      expect(await row.textContent()).toContain(t('parkedBatches.sourceName.FORM'));
      // The item itself (a citizen's message) is not shown.
      expect(await page.locator('main').textContent()).not.toContain('trottoaren');
      await expectAccessible(page, `the parked messages page (${language})`);
      if (language === 'sv') await saveScreenshot(page, 'admin-parked-batches.png');

      if (language === 'en') {
        await row.getByRole('button', { name: t('parkedBatches.retry.button') }).click();
        const dialog = page.getByRole('alertdialog', { name: t('parkedBatches.retry.title') });
        await dialog
          .getByText(t('parkedBatches.retry.body', { count: 1, channel: 'Kontakta oss' }))
          .waitFor();
        await dialog.getByRole('button', { name: t('parkedBatches.retry.confirm') }).click();
        await dialog.waitFor({ state: 'hidden' });
        // The cause is still there: ingest tries once more and parks it again, counted.
        const again = await eventually(
          async () => {
            const batch = await stack.prisma.inboundBatch.findUniqueOrThrow({
              where: { id: parked.id },
            });
            return batch.status === 'FAILED' && batch.attempts === parked.attempts + 1
              ? batch
              : undefined;
          },
          { timeoutMs: 30_000, what: 'the retried batch to be parked again' },
        );
        expect(again.lastError).toMatch(/index row/);
        await row.getByRole('cell', { name: String(again.attempts), exact: true }).waitFor({
          timeout: 15_000,
        });
        expect(
          await stack.prisma.auditLog.count({
            where: { action: 'inbound_batch.retried', entityId: parked.id },
          }),
        ).toBe(1);
      }
      await context.close();
    }
  });
});
