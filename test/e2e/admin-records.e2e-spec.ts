import type { Browser, Page } from 'playwright-core';
import { createPerson, type Person, signIn } from '../support/web-people';
import {
  createClosedThread,
  createContact,
  dateDaysAgo,
  downloadedSha256,
} from '../support/web-records';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';

describe('the admin records and privacy pages in a browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let admin: Person;
  let channelId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const team = await stack.prisma.team.create({ data: { name: 'Kommunservice' } });
    const channel = await stack.prisma.channel.create({
      data: { type: 'WEB_FORM', name: 'E-tjänst', teamId: team.id, backfillSince: new Date() },
    });
    channelId = channel.id;
    admin = await createPerson(stack, { role: 'ADMIN', name: 'Maria Ek' });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const open = async (page: Page, path: string, heading: string) => {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const table = (page: Page, caption: string) => page.getByRole('table', { name: caption });

  it('previews what a retention policy takes before it can be saved, then runs it with progress', async () => {
    const old = ['Bygglov Storgatan 4', 'Felanmälan gatubelysning'];
    for (const [i, subject] of old.entries()) {
      await createClosedThread(stack, { channelId, subject, closedDaysAgo: 800 + i });
    }
    await createClosedThread(stack, {
      channelId,
      subject: 'Nyligen stängd fråga om förskola',
      closedDaysAgo: 20,
    });

    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await open(page, '/admin/retention', t('sections.retention'));
    await expectAccessible(page, 'the retention page');

    await page.getByRole('button', { name: t('records.retention.new') }).click();
    await page.getByLabel(t('records.retention.name')).fill('Gallring efter två år');
    await page.getByLabel(t('records.retention.afterDaysLabel')).fill('730');
    const save = page.getByRole('button', { name: t('records.retention.save') });
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole('button', { name: t('records.retention.dryRun.button') }).click();
    const preview = table(page, t('records.retention.dryRun.caption'));
    await preview.waitFor();
    const subjects = await preview.getByRole('rowheader').allInnerTexts();
    expect(subjects).toEqual([old[1], old[0]]);
    const summary = t('records.retention.dryRun.summary', {
      count: 2,
      verb: t('records.retention.takes.DELETE'),
      date: '§',
    }).split('§')[0];
    await page.getByText(summary, { exact: false }).waitFor();
    await expectAccessible(page, 'the retention dry run');
    await saveScreenshot(page, 'admin-retention-dry-run.png');

    // Changing the rule makes the preview stale: saving waits for a new one.
    await page.getByLabel(t('records.retention.afterDaysLabel')).fill('10');
    await page.getByText(t('records.retention.dryRun.stale')).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel(t('records.retention.afterDaysLabel')).fill('730');
    await page.getByRole('button', { name: t('records.retention.dryRun.button') }).click();
    await page.getByText(t('records.retention.dryRun.stale')).waitFor({ state: 'detached' });
    await save.click();

    const runsHeading = t('records.retention.runs.title', { name: 'Gallring efter två år' });
    await page.getByRole('heading', { name: runsHeading }).waitFor();
    expect(await stack.prisma.thread.count({ where: { subject: { in: old } } })).toBe(2);
    await page.getByRole('button', { name: t('records.retention.runs.start') }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await expectAccessible(page, 'the run confirmation');
    await confirm.getByRole('button', { name: t('records.retention.runs.start') }).click();
    const runs = table(page, runsHeading);
    await runs
      .getByText(
        t('records.retention.runs.done', {
          count: 2,
          verb: t('records.retention.took.DELETE'),
        }),
      )
      .waitFor({ timeout: 60_000 });
    expect(await runs.getByText(t('records.retention.runs.status.DONE')).count()).toBe(1);
    expect(await stack.prisma.thread.count({ where: { subject: { in: old } } })).toBe(0);
    expect(
      await stack.prisma.thread.count({ where: { subject: 'Nyligen stängd fråga om förskola' } }),
    ).toBe(1);
    await expectAccessible(page, 'the finished retention run');
    await context.close();
  });

  it('downloads a record export whose SHA-256 matches the one the page shows', async () => {
    for (const subject of ['Ansökan om parkeringstillstånd', 'Synpunkt på snöröjningen']) {
      await createClosedThread(stack, { channelId, subject, closedDaysAgo: 5 });
    }
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await open(page, '/admin/record-exports', t('sections.recordExports'));
    await expectAccessible(page, 'the record exports page');

    await page.getByLabel(t('records.exports.closedFrom')).fill(dateDaysAgo(10));
    await page.getByLabel(t('records.exports.closedTo')).fill(dateDaysAgo(0));
    await page.getByRole('button', { name: t('records.exports.request') }).click();

    const list = table(page, t('records.exports.listTitle'));
    const downloadLink = page.getByRole('link', { name: t('records.exports.download') });
    const row = list.getByRole('row').filter({ has: downloadLink });
    await row.waitFor({ timeout: 60_000 });
    const download = row.getByRole('link', { name: t('records.exports.download') });
    await row.getByText(t('records.exports.threadCount', { count: 2 })).waitFor();
    const shown = (await row.locator('code').innerText()).trim();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'the finished record export');
    await saveScreenshot(page, 'admin-record-exports.png');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^svara-record-.+\.zip$/);
    expect(await downloadedSha256(file)).toBe(shown);

    // Or by picking threads one by one.
    await page.getByRole('radio', { name: t('records.exports.byThreads') }).check({ force: true });
    await page.getByLabel(t('records.exports.searchClosed')).fill('snöröjningen');
    await page.locator('label').filter({ hasText: 'Synpunkt på snöröjningen' }).click();
    await page.getByText(t('records.exports.closedThreads', { count: 1 })).waitFor();
    await expectAccessible(page, 'picking threads for a record export');
    await page.getByRole('button', { name: t('records.exports.request') }).click();
    const picked = list
      .getByRole('row')
      .filter({ hasText: t('records.exports.threadCount', { count: 1 }) })
      .filter({ has: downloadLink });
    await picked.waitFor({ timeout: 60_000 });
    expect(await list.getByRole('row').filter({ has: downloadLink }).count()).toBe(2);
    await context.close();
  });

  it('erases a person only once the erasure is confirmed, and the audit log shows it', async () => {
    const email = 'sven.nilsson@example.se';
    const contact = await createContact(stack, { name: 'Sven Nilsson', email });
    const thread = await createClosedThread(stack, {
      channelId,
      subject: 'Fråga om bostadsanpassning',
      closedDaysAgo: 3,
      contactId: contact.id,
      author: { name: 'Sven Nilsson', address: email },
    });

    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await open(page, '/admin/people', t('sections.people'));
    await expectAccessible(page, 'the personal data page');
    await page.getByLabel(t('records.people.email')).fill(email);
    await page.getByRole('button', { name: t('records.people.search') }).click();
    await page.getByText(t('records.people.found', { count: 1 })).waitFor();

    await page
      .getByRole('button', { name: t('records.people.eraseNamed', { name: 'Sven Nilsson' }) })
      .click();
    const dialog = page.getByRole('alertdialog', {
      name: t('records.people.eraseTitle', { name: 'Sven Nilsson' }),
    });
    await dialog.waitFor();
    await dialog.getByText(t('records.people.counts.threads', { count: 1 })).waitFor();
    await dialog.getByText(t('records.people.keptPackages', { count: 0 })).waitFor();
    await expectAccessible(page, 'the erasure confirmation');
    await saveScreenshot(page, 'admin-erasure-confirmation.png');
    // Nothing is erased before the confirmation, and not when it is cancelled.
    await dialog.getByRole('button', { name: t('common.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await stack.prisma.contact.count({ where: { id: contact.id } })).toBe(1);
    expect(await stack.prisma.thread.count({ where: { id: thread.id } })).toBe(1);

    await page
      .getByRole('button', { name: t('records.people.eraseNamed', { name: 'Sven Nilsson' }) })
      .click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: t('records.people.confirmErase') }).click();
    await page
      .getByText(t('records.people.erased', { threads: 1, messages: 1 }))
      .waitFor({ timeout: 30_000 });
    expect(await stack.prisma.contact.count({ where: { id: contact.id } })).toBe(0);
    expect(await stack.prisma.thread.count({ where: { id: thread.id } })).toBe(0);

    await open(page, '/admin/audit-log', t('sections.auditLog'));
    await page.getByLabel(t('records.logs.action'), { exact: true }).fill('contact.erased');
    await page.getByRole('button', { name: t('records.logs.apply') }).click();
    await page.waitForURL(/action=contact\.erased/);
    const log = table(page, t('sections.auditLog'));
    const entry = log.getByRole('row').filter({ hasText: 'contact.erased' });
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    expect(await entry.innerText()).toContain('Maria Ek');
    await expectAccessible(page, 'the audit log');
    await saveScreenshot(page, 'admin-audit-log.png');

    // The filter is in the URL: a reload shows the same entries.
    await page.reload();
    await log.getByRole('row').filter({ hasText: 'contact.erased' }).waitFor();
    expect(await page.getByLabel(t('records.logs.action'), { exact: true }).inputValue()).toBe(
      'contact.erased',
    );
    await context.close();
  });

  it('shows the access log with its filters, and record exports to a lead', async () => {
    const thread = await createClosedThread(stack, {
      channelId,
      subject: 'Fråga om färdtjänst',
      closedDaysAgo: 1,
    });
    await stack.prisma.threadAccess.create({
      data: { userId: admin.id, threadId: thread.id, openedAt: new Date() },
    });
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await open(page, `/admin/access-log?userId=${admin.id}`, t('sections.accessLog'));
    const log = table(page, t('sections.accessLog'));
    await log.getByRole('link', { name: thread.id }).waitFor();
    await expectAccessible(page, 'the access log');
    await page.getByLabel(t('records.logs.to')).fill(dateDaysAgo(3));
    await page.getByRole('button', { name: t('records.logs.apply') }).click();
    await page.getByText(t('records.logs.none')).waitFor();
    expect(page.url()).toContain(`userId=${admin.id}`);
    await context.close();

    const lead = await createPerson(stack, { role: 'LEAD', name: 'Lena Holm' });
    const asLead = await signIn(browser, stack, lead, 'sv');
    await open(asLead.page, '/lead/record-exports', asLead.t('sections.recordExports'));
    await asLead.page
      .getByRole('navigation', { name: asLead.t('sections.leadNav') })
      .getByRole('link', { name: asLead.t('sections.recordExports') })
      .waitFor();
    await asLead.page.getByText(asLead.t('records.exports.none')).waitFor();
    await expectAccessible(asLead.page, 'the lead’s record exports page');
    await asLead.context.close();
  });
});
