import type { Browser } from 'playwright-core';
import type { Prisma } from '@svara/database';
import { jobId } from '@svara/pipeline';
import { eventually, testQueue, webFormItem } from '@svara/testing';
import {
  apiCall,
  apiToken,
  createPerson,
  fillLogin,
  inboxList,
  ingestedThread,
  type Person,
  signIn,
  submitWebForm,
  threadRow,
} from '../support/web-people';
import { expectAccessible, launchBrowser, startWebStack, type WebStack } from '../support/web';

describe('the web inbox in a browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let channelId: string;
  let agent: Person;
  let colleague: Person;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const team = await stack.prisma.team.create({ data: { name: 'Servicecenter' } });
    const channel = await stack.prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Kontakta oss',
        teamId: team.id,
        backfillSince: new Date(),
      },
    });
    channelId = channel.id;
    agent = await createPerson(stack, { name: 'Karin Lindqvist', teamIds: [team.id] });
    colleague = await createPerson(stack, { name: 'Olof Berg', teamIds: [team.id] });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('logs in in Swedish and in English', async () => {
    for (const language of ['sv', 'en'] as const) {
      const { context, page, t } = await signIn(browser, stack, agent, language, {
        checkLoginPage: true,
      });
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await expectAccessible(page, `the inbox (${language})`);
      expect(await inboxList(page, t).isVisible()).toBe(true);
      await context.close();
    }
  });

  it('shows a web-form message in the open inbox without a reload, opened with j, k and Enter', async () => {
    const { context, page, t } = await signIn(browser, stack, agent, 'sv');
    const first = await submitWebForm(stack, channelId, {
      name: 'Anna Andersson',
      email: 'anna.andersson@example.se',
      subject: 'Sophämtningen har uteblivit',
      message: 'Hej! Soporna på Storgatan 12 har inte hämtats på två veckor.',
    });
    await threadRow(page, t, 'Sophämtningen har uteblivit').waitFor();
    const second = await submitWebForm(stack, channelId, {
      name: 'Erik Johansson',
      email: 'erik.johansson@example.se',
      subject: 'Trasig gatlampa',
      message: 'Gatlampan vid busshållplatsen på Kyrkvägen är släckt sedan i fredags.',
    });
    await threadRow(page, t, 'Trasig gatlampa').waitFor();
    const subjects = new Map(
      [await ingestedThread(stack, first), await ingestedThread(stack, second)].map((thread) => [
        thread.id,
        thread.subject!,
      ]),
    );

    // j moves down the list, k back up, Enter opens the row the keyboard is on.
    const current = () =>
      page.evaluate<string | null>(
        "document.activeElement?.closest('[role=row]')?.getAttribute('data-thread-id') ?? null",
      );
    await page.keyboard.press('j');
    const top = await current();
    await page.keyboard.press('j');
    const below = await current();
    expect([top, below].sort()).toEqual([...subjects.keys()].sort());
    await page.keyboard.press('k');
    expect(await current()).toBe(top);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/threads/${top}`));
    await page.getByRole('heading', { name: subjects.get(top!) }).waitFor();
    await expectAccessible(page, 'an open thread');
    await context.close();
  });

  it('keeps a draft over a reload and a session that ends, then sends it and closes the thread', async () => {
    const submission = await submitWebForm(stack, channelId, {
      name: 'Maria Nilsson',
      email: 'maria.nilsson@example.se',
      subject: 'Plats i förskolan',
      message: 'Hur lång är kön till förskolan i Västerby? Vi flyttar dit i mars.',
    });
    const thread = await ingestedThread(stack, submission);
    const { context, page, t } = await signIn(browser, stack, agent, 'sv');
    await page.goto(`/threads/${thread.id}`);
    const reply = page.getByRole('textbox', { name: t('composer.reply.label') });
    const savedDraft = () =>
      page.waitForResponse(
        (response) =>
          response.url().endsWith(`/threads/${thread.id}/drafts/reply`) &&
          response.request().method() === 'PUT' &&
          response.ok(),
      );
    let saved = savedDraft();
    await reply.fill('Hej Maria! Kön till förskolan i Västerby är just nu');
    await saved;
    await page.reload();
    await reply.waitFor();
    expect(await reply.inputValue()).toBe('Hej Maria! Kön till förskolan i Västerby är just nu');

    // Another client signs the agent out everywhere: the next request answers 401.
    await apiCall(stack, await apiToken(stack, agent), 'POST', '/auth/logout');
    // Typed at the end of the kept text; saving it is the request that meets the 401.
    await reply.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(' cirka tre månader.');
    const dialog = page.getByRole('alertdialog', { name: t('auth.expired.title') });
    await dialog.waitFor();
    await expectAccessible(page, 'the log-in dialog over a thread');
    saved = savedDraft();
    await fillLogin(dialog, t, agent);
    await dialog.waitFor({ state: 'hidden' });
    const text = 'Hej Maria! Kön till förskolan i Västerby är just nu cirka tre månader.';
    expect(await reply.inputValue()).toBe(text);
    await saved;
    const drafts = await apiCall<{ data: { kind: string; text: string }[] }>(
      stack,
      await apiToken(stack, agent),
      'GET',
      `/threads/${thread.id}/drafts`,
    );
    expect(drafts.data).toEqual([expect.objectContaining({ kind: 'reply', text })]);

    // Sent: the citizen gets the mail and the thread shows it delivered.
    await page.getByRole('button', { name: t('composer.reply.send') }).click();
    const [mail] = await stack.smtp.waitFor((m) => m.to.includes('maria.nilsson@example.se'), {
      timeoutMs: 20_000,
    });
    expect(mail!.parsed.text).toContain('cirka tre månader');
    await page.getByText(t('delivery.SENT')).waitFor();
    expect(await reply.inputValue()).toBe('');

    // e closes the open thread (a shortcut: away from the text box).
    await page.getByRole('heading', { name: 'Plats i förskolan' }).click();
    await page.keyboard.press('e');
    await eventually(
      async () =>
        (await stack.prisma.thread.findUniqueOrThrow({ where: { id: thread.id } })).status ===
        'CLOSED'
          ? true
          : undefined,
      { what: 'the thread to be closed' },
    );
    // The thread's status control shows it.
    await page
      .getByRole('button', { name: new RegExp(t('thread.status')) })
      .filter({ hasText: t('status.CLOSED') })
      .waitFor();
    await expectAccessible(page, 'a closed thread');
    await context.close();
  });

  it('shows a colleague who views the same thread, and when they type', async () => {
    const submission = await submitWebForm(stack, channelId, {
      name: 'Lars Svensson',
      email: 'lars.svensson@example.se',
      subject: 'Bygglov för carport',
      message: 'Behöver jag bygglov för en carport på 25 kvadratmeter?',
    });
    const thread = await ingestedThread(stack, submission);
    const [mine, theirs] = await Promise.all([
      signIn(browser, stack, agent, 'sv'),
      signIn(browser, stack, colleague, 'sv'),
    ]);
    await mine.page.goto(`/threads/${thread.id}`);
    await theirs.page.goto(`/threads/${thread.id}`);
    await mine.page
      .getByText(mine.t('presence.viewing', { name: colleague.name }))
      .waitFor({ timeout: 20_000 });
    await theirs.page
      .getByRole('textbox', { name: theirs.t('composer.reply.label') })
      .pressSequentially('Hej Lars');
    await mine.page
      .getByText(mine.t('presence.typing', { name: colleague.name }))
      .waitFor({ timeout: 20_000 });
    await expectAccessible(mine.page, 'a thread a colleague is typing in');
    await Promise.all([mine.context.close(), theirs.context.close()]);
  });

  it('gives an agent no admin link, and the admin pages say not allowed', async () => {
    const { context, page, t } = await signIn(browser, stack, agent, 'en');
    expect(await page.getByRole('link', { name: t('app.admin') }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByText(t('sections.notAllowed.agent')).waitFor();
    await expectAccessible(page, '/admin as an agent');
    await context.close();
  });

  it('catches up after the api restarts: messages from the gap appear without a reload', async () => {
    const { context, page, t } = await signIn(browser, stack, agent, 'sv');
    await stack.killApi();
    // While the api is down the worker goes on ingesting (here a batch the
    // form route would have stored); its event reaches no one.
    const batch = await stack.prisma.inboundBatch.create({
      data: {
        channelId,
        source: 'FORM',
        itemCount: 1,
        items: [
          webFormItem({
            name: 'Sara Ek',
            email: 'sara.ek@example.se',
            subject: 'Snöröjning på Björkgatan',
            message: 'Björkgatan har inte plogats i dag och bussen kommer inte fram.',
          }),
        ] as unknown as Prisma.InputJsonArray,
      },
    });
    const ingest = testQueue('ingest', stack.env);
    await ingest.add('ingest-batch', { batchId: batch.id }, { jobId: jobId.ingestBatch(batch.id) });
    await ingest.close();
    await eventually(
      async () =>
        (await stack.prisma.inboundBatch.findUniqueOrThrow({ where: { id: batch.id } })).status ===
        'DONE'
          ? true
          : undefined,
      { what: 'the batch to be ingested while the api is down' },
    );
    await stack.startApi();
    await threadRow(page, t, 'Snöröjning på Björkgatan').waitFor({ timeout: 30_000 });

    // And what comes in once it is back arrives live again.
    await submitWebForm(stack, channelId, {
      name: 'Johan Lund',
      email: 'johan.lund@example.se',
      subject: 'Hål i cykelbanan',
      message: 'Det är ett djupt hål i cykelbanan längs Ågatan, nära bron.',
    });
    await threadRow(page, t, 'Hål i cykelbanan').waitFor({ timeout: 30_000 });
    expect(await threadRow(page, t, 'Snöröjning på Björkgatan').count()).toBe(1);
    await context.close();
  });
});
