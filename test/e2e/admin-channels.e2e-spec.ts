import type { Browser, Page, Response } from 'playwright-core';
import { Dovecot, eventually, MAILBOX_USER } from '@svara/testing';
import { channelRow, fillMailboxForm, formSection, pageText } from '../support/web-channels';
import {
  apiCall,
  apiToken,
  createPerson,
  type Person,
  signIn,
  threadRow,
} from '../support/web-people';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';

const WRONG_PASSWORD = 'fel-lösenord-4711';

describe('admin → channels in a browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let dovecot: Dovecot;
  let admin: Person;
  let token: string;

  beforeAll(async () => {
    [stack, browser, dovecot] = await Promise.all([
      // No Graph API here: a Meta channel that polled would fail at once instead of leaving the machine.
      startWebStack({ META_GRAPH_URL: 'http://127.0.0.1:9' }),
      launchBrowser(),
      Dovecot.start([MAILBOX_USER]),
    ]);
    admin = await createPerson(stack, { role: 'ADMIN', name: 'Ingrid Holm' });
    token = await apiToken(stack, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await dovecot?.stop();
  });

  /** What the API sent the page about channels: none of it may carry a secret. */
  const channelResponses = (page: Page) => {
    const bodies: Promise<string>[] = [];
    page.on('response', (response: Response) => {
      if (response.url().includes('/api/v1/channels')) bodies.push(response.text().catch(() => ''));
    });
    return async () => (await Promise.all(bodies)).join('\n');
  };

  it('creates an e-mail channel, tests it before saving, and its mail arrives in the inbox', async () => {
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    const responses = channelResponses(page);
    await page.goto('/admin/channels');
    await page.getByRole('heading', { name: t('channels.title') }).waitFor();
    await page.getByRole('link', { name: t('channels.add') }).waitFor();
    await expectAccessible(page, 'the channel list');

    const channelsBefore = await stack.prisma.channel.count();
    await page.getByRole('link', { name: t('channels.add') }).click();
    await page.getByRole('heading', { name: t('channels.new.title') }).waitFor();
    await expectAccessible(page, 'the new-channel form');
    await fillMailboxForm(page, t, {
      name: 'Kommunens brevlåda',
      address: MAILBOX_USER.user,
      imapPort: dovecot.port,
      imapUser: MAILBOX_USER.user,
      imapPassword: MAILBOX_USER.password,
      smtpPort: stack.smtp.port,
    });
    await page.getByRole('button', { name: t('channels.form.test') }).click();
    await page.getByRole('status').getByText(t('channels.form.testOk')).waitFor();
    expect(await stack.prisma.channel.count()).toBe(channelsBefore);

    await page.getByRole('button', { name: t('channels.form.create') }).click();
    await page.getByRole('heading', { name: 'Kommunens brevlåda', level: 1 }).waitFor();
    const channel = await stack.prisma.channel.findFirstOrThrow({
      where: { name: 'Kommunens brevlåda' },
    });
    expect(page.url()).toContain(`/admin/channels/${channel.id}`);
    // The stored secrets show as set, never as their values.
    await formSection(page, t, 'imap')
      .getByRole('button', {
        name: t('channels.secret.replaceFor', { label: t('channels.field.imapPassword') }),
      })
      .waitFor();
    await expectAccessible(page, "an e-mail channel's page");

    await dovecot.append(MAILBOX_USER, 'INBOX', [
      [
        'From: Åsa Öberg <asa.oberg@medborgare.test>',
        `To: ${MAILBOX_USER.user}`,
        'Subject: Bygglov för altan',
        'Message-ID: <admin-channels-1@medborgare.test>',
        `Date: ${new Date().toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hej! Behöver jag bygglov för en altan på 20 kvadratmeter?',
      ].join('\r\n'),
    ]);
    // Leaving the page before the poll request is answered would cancel it.
    const pollQueued = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/channels/${channel.id}/poll`) &&
        response.request().method() === 'POST',
    );
    await page
      .getByRole('button', {
        name: t('channels.actions.pollNowFor', { name: 'Kommunens brevlåda' }),
      })
      .click();
    expect((await pollQueued).ok()).toBe(true);
    await page.goto('/');
    await threadRow(page, t, 'Bygglov för altan').waitFor({ timeout: 60_000 });

    await page.goto('/admin/channels');
    const row = channelRow(page, t, 'Kommunens brevlåda');
    await row.getByText(t('channels.health.OK')).waitFor();
    await row.getByText(t('channels.list.noProblem')).waitFor();
    await expectAccessible(page, 'the channel list');

    expect(await pageText(page)).not.toContain(MAILBOX_USER.password);
    expect(await responses()).not.toContain(MAILBOX_USER.password);
    await context.close();
  });

  it('shows a wrong IMAP password in words on the channel, and a replaced one fixes it', async () => {
    const created = await apiCall<{ id: string }>(stack, token, 'POST', '/channels', {
      type: 'EMAIL',
      name: 'Bygglovsbrevlådan',
      pollIntervalSeconds: 15,
      config: {
        address: MAILBOX_USER.user,
        imapHost: '127.0.0.1',
        imapPort: dovecot.port,
        imapSecure: false,
        imapRequireTls: false,
        smtpHost: '127.0.0.1',
        smtpPort: stack.smtp.port,
        smtpSecure: false,
        smtpRequireTls: false,
      },
      secrets: { imapUser: MAILBOX_USER.user, imapPassword: WRONG_PASSWORD },
    });
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    const responses = channelResponses(page);
    await page.goto('/admin/channels');
    const row = channelRow(page, t, 'Bygglovsbrevlådan');
    // The scheduler polls it at once; the refusal stops the channel until an admin acts.
    await row.getByText(t('channels.problem.IMAP_LOGIN_REFUSED')).waitFor({ timeout: 60_000 });
    await row.getByText(t('channels.health.UNHEALTHY')).waitFor();
    await expectAccessible(page, 'the channel list with a failing channel');

    await row.getByRole('link', { name: 'Bygglovsbrevlådan' }).click();
    await page.getByRole('heading', { name: 'Bygglovsbrevlådan', level: 1 }).waitFor();
    const health = page.getByRole('region', { name: t('channels.detail.health') });
    await health.getByText(t('channels.problem.IMAP_LOGIN_REFUSED')).waitFor();
    await health.getByRole('button', { name: t('channels.actions.testStored') }).click();
    await health
      .getByText(
        t('channels.form.testFailed', { problem: t('channels.problem.IMAP_LOGIN_REFUSED') }),
      )
      .waitFor();
    await expectAccessible(page, 'a failing channel after its test');
    await saveScreenshot(page, 'admin-channel-failing.png');

    const imap = formSection(page, t, 'imap');
    const label = t('channels.field.imapPassword');
    await imap.getByRole('button', { name: t('channels.secret.replaceFor', { label }) }).click();
    await imap.getByLabel(label, { exact: true }).fill(MAILBOX_USER.password);
    await page.getByRole('button', { name: t('channels.form.test') }).click();
    await page
      .getByRole('region', { name: t('channels.detail.settings') })
      .getByText(t('channels.form.testOk'))
      .waitFor();
    await page.getByRole('button', { name: t('channels.form.save') }).click();
    await health.getByText(t('channels.list.noProblem')).waitFor();
    await eventually(
      async () => {
        const channel = await stack.prisma.channel.findUniqueOrThrow({ where: { id: created.id } });
        return channel.lastSuccessAt ? channel : undefined;
      },
      { timeoutMs: 60_000, what: 'a successful poll with the replaced password' },
    );

    expect(await pageText(page)).not.toContain(MAILBOX_USER.password);
    expect(await pageText(page)).not.toContain(WRONG_PASSWORD);
    expect(await responses()).not.toContain(WRONG_PASSWORD);
    await context.close();
  });

  it('creates a web-form channel and shows the code to embed it', async () => {
    const { context, page, t } = await signIn(browser, stack, admin, 'en');
    await page.goto('/admin/channels/new');
    await page.getByRole('button', { name: new RegExp(t('channels.new.type')) }).click();
    await page.getByRole('option', { name: t('channel.WEB_FORM') }).click();
    await page.getByLabel(t('channels.form.name'), { exact: true }).fill('Kontakta oss (webb)');
    const origins = page.getByLabel(t('channels.field.allowedOrigins'), { exact: true });
    // The API refuses an origin without its scheme: the form says so at the field and aloud.
    await origins.fill('www.kommun.test');
    await page.getByRole('button', { name: t('channels.form.create') }).click();
    await page
      .getByRole('alert')
      .getByText(`${t('channels.field.allowedOrigins')}: ${t('channels.errors.origins')}`)
      .waitFor();
    expect(await origins.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the new-channel form with a refused field');
    await origins.fill('https://www.kommun.test');
    await expectAccessible(page, 'the new-channel form for a web form');
    await page.getByRole('button', { name: t('channels.form.create') }).click();
    await page.getByRole('heading', { name: 'Kontakta oss (webb)', level: 1 }).waitFor();
    const channel = await stack.prisma.channel.findFirstOrThrow({
      where: { name: 'Kontakta oss (webb)' },
    });
    expect(channel.config).toEqual({ allowedOrigins: ['https://www.kommun.test'] });
    const code = await page.getByLabel(t('channels.embed.code'), { exact: true }).inputValue();
    expect(code).toContain(`action="${stack.url}/api/v1/forms/${channel.id}/submissions"`);
    expect(code).toContain(`<label>${t('channels.embed.message')}`);
    await expectAccessible(page, "a web-form channel's page");
    await context.close();
  });

  it('shows healthy and failing channels at a glance (screenshot)', async () => {
    const inDays = (days: number) =>
      new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
    await stack.prisma.channel.create({
      data: {
        type: 'FACEBOOK_PAGE',
        name: 'Kommunens Facebooksida',
        backfillSince: new Date(),
        config: { pageId: '104857600123456', tokenExpiresAt: inDays(9) },
        health: 'DEGRADED',
        lastPollAt: new Date(Date.now() - 2 * 60_000),
        lastSuccessAt: new Date(Date.now() - 40 * 60_000),
        lastError: 'Meta Graph API: Application request limit reached (code 4)',
        backoffUntil: new Date(Date.now() + 25 * 60_000),
      },
    });
    await stack.prisma.channel.create({
      data: {
        type: 'INSTAGRAM',
        name: 'Instagram @kommunen',
        backfillSince: new Date(),
        config: { igUserId: '17841400000000001', tokenExpiresAt: inDays(-3) },
        health: 'UNHEALTHY',
        lastPollAt: new Date(Date.now() - 3 * 3600_000),
        lastError:
          'The access token is invalid or expired. Meta Graph API: Error validating access token: Session has expired (code 190, subcode 463)',
      },
    });
    await apiCall(stack, token, 'POST', '/channels', {
      type: 'EMAIL',
      name: 'Socialtjänstens brevlåda',
      config: {
        address: 'social@kommun.test',
        imapHost: '127.0.0.1',
        imapPort: dovecot.port,
        imapSecure: false,
        imapRequireTls: false,
        smtpHost: '127.0.0.1',
        smtpPort: stack.smtp.port,
        smtpSecure: false,
        smtpRequireTls: false,
      },
      secrets: { imapUser: 'social@kommun.test', imapPassword: WRONG_PASSWORD },
    });
    const team = await stack.prisma.team.create({ data: { name: 'Kontaktcenter' } });
    // Only this file's channels: the run's database is shared with the other browser tests.
    await stack.prisma.channel.updateMany({
      where: {
        name: {
          in: [
            'Kommunens brevlåda',
            'Bygglovsbrevlådan',
            'Kontakta oss (webb)',
            'Kommunens Facebooksida',
            'Instagram @kommunen',
            'Socialtjänstens brevlåda',
          ],
        },
      },
      data: { teamId: team.id },
    });
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await page.goto('/admin/channels');
    await channelRow(page, t, 'Instagram @kommunen')
      .getByText(t('channels.problem.TOKEN_EXPIRED'))
      .waitFor();
    await channelRow(page, t, 'Kommunens brevlåda').getByText(t('channels.health.OK')).waitFor();
    await channelRow(page, t, 'Socialtjänstens brevlåda')
      .getByText(t('channels.problem.IMAP_LOGIN_REFUSED'))
      .waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'the channel list with every kind of channel');
    await saveScreenshot(page, 'admin-channels.png');
    await context.close();
  });
});
