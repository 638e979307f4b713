import type { Browser } from 'playwright-core';
import { eventually } from '@svara/testing';
import {
  apiCall,
  apiToken,
  createPerson,
  ingestedThread,
  signIn,
  submitWebForm,
  threadRow,
} from '../support/web-people';
import { expectAccessible, launchBrowser, startWebStack, type WebStack } from '../support/web';

const ROUND_THE_CLOCK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));

describe('the SLA badge in the open inbox', () => {
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('turns from in time to breached when a one-minute first response is missed', async () => {
    const admin = await createPerson(stack, { role: 'ADMIN', name: 'Eva Holm' });
    const token = await apiToken(stack, admin);
    const calendar = await apiCall<{ id: string }>(stack, token, 'POST', '/calendars', {
      name: 'Dygnet runt',
      timeZone: 'Europe/Stockholm',
      weeklyHours: ROUND_THE_CLOCK,
    });
    const policy = await apiCall<{ id: string }>(stack, token, 'POST', '/sla-policies', {
      name: 'Svar inom en minut',
      calendarId: calendar.id,
      firstResponse: { minutes: 1 },
    });
    const channel = await stack.prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Felanmälan',
        slaPolicyId: policy.id,
        backfillSince: new Date(Date.now() - 3600_000),
        createdAt: new Date(Date.now() - 3600_000),
      },
    });
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    const submission = await submitWebForm(stack, channel.id, {
      name: 'Per Olsson',
      email: 'per.olsson@example.se',
      subject: 'Vattenläcka i källaren',
      message: 'Det läcker vatten från kommunens ledning in i vår källare på Ängsvägen 4.',
    });
    const thread = await ingestedThread(stack, submission);
    expect(thread.firstResponseDueAt).not.toBeNull();

    const row = threadRow(page, t, 'Vattenläcka i källaren');
    await row.getByText(t('sla.state.OK'), { exact: true }).waitFor();
    await expectAccessible(page, 'the inbox with an SLA badge');
    // Due a minute after it came in; the scheduler looks every 2 s (SLA_SCAN_INTERVAL_SECONDS).
    await eventually(
      async () =>
        (await stack.prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).slaState ===
        'BREACHED'
          ? true
          : undefined,
      { timeoutMs: 60_000 + 45_000, intervalMs: 500, what: 'the thread to be marked breached' },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(thread.firstResponseDueAt!.getTime());
    // The open page learns of it without a reload.
    await row.getByText(t('sla.state.BREACHED'), { exact: true }).waitFor({ timeout: 20_000 });
    expect(await row.getByText(t('sla.state.OK'), { exact: true }).count()).toBe(0);
    await context.close();
  });
});
