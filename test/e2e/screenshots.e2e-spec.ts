import type { Browser, Page } from 'playwright-core';
import { createEmailChannel, Dovecot, MAILBOX_USER, pollAndSettle } from '@svara/testing';
import {
  apiCall,
  apiToken,
  createPerson,
  ingestedThread,
  signIn,
  submitWebForm,
  threadRow,
} from '../support/web-people';
import {
  expectAccessible,
  launchBrowser,
  newPerson,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';
import { webStrings } from '../support/web-strings';

// The screenshots in docs/screenshots, from a small inbox of real-looking Swedish
// threads: web-form messages through the public route and e-mail from Dovecot.

const FORMS = [
  {
    name: 'Anna Andersson',
    email: 'anna.andersson@example.se',
    subject: 'Sophämtningen har uteblivit',
    message:
      'Hej! Soporna på Storgatan 12 har inte hämtats på två veckor. Kärlen är överfulla och det luktar illa i hela gården. När kommer ni?',
  },
  {
    name: 'Erik Johansson',
    email: 'erik.johansson@example.se',
    subject: 'Trasig gatlampa på Kyrkvägen',
    message:
      'Gatlampan vid busshållplatsen på Kyrkvägen är släckt sedan i fredags. Det är mörkt och barnen går där till skolan.',
  },
  {
    name: 'Maria Nilsson',
    email: 'maria.nilsson@example.se',
    subject: 'Plats i förskolan',
    message: 'Hur lång är kön till förskolan i Västerby? Vi flyttar dit i mars med två barn.',
  },
];

const mail = (n: number, from: string, subject: string, text: string) =>
  [
    `From: ${from}`,
    'To: kommun@kommun.test',
    `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <demo.${n}@medborgare.test>`,
    `Date: ${new Date(Date.now() - (n + 1) * 17 * 60_000).toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '',
  ].join('\r\n');

const MAILS = [
  mail(
    1,
    'Gunilla Persson <gunilla.persson@example.se>',
    'Bygglov för carport',
    'Hej,\r\n\r\nbehöver jag bygglov för en carport på 25 kvadratmeter på min tomt på Lönnvägen 3?\r\n\r\nVänliga hälsningar\r\nGunilla',
  ),
  mail(
    2,
    'Ahmed Hassan <ahmed.hassan@example.se>',
    'Faktura för hemtjänst',
    'Hej! Jag har fått en faktura för hemtjänst i oktober som är dubbelt så hög som vanligt. Kan någon ringa mig?\r\n\r\nAhmed',
  ),
];

describe('screenshots of the web app', () => {
  let stack: WebStack;
  let browser: Browser;
  let dovecot: Dovecot;

  beforeAll(async () => {
    [stack, browser, dovecot] = await Promise.all([
      startWebStack(),
      launchBrowser(),
      Dovecot.start([MAILBOX_USER]),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await dovecot?.stop();
  });

  it('shows the log-in page, the inbox, a thread (light and dark) and the English inbox', async () => {
    const team = await stack.prisma.team.create({ data: { name: 'Kontaktcenter' } });
    const admin = await createPerson(stack, {
      role: 'ADMIN',
      name: 'Eva Holm',
      teamIds: [team.id],
    });
    const colleague = await createPerson(stack, { name: 'Olof Berg', teamIds: [team.id] });
    // Web-form messages are due within four hours, e-mail within half an hour:
    // the two mails, written 34 and 51 minutes ago, come in overdue.
    const token = await apiToken(stack, admin);
    const calendar = await apiCall<{ id: string }>(stack, token, 'POST', '/calendars', {
      name: 'Kontaktcenter dygnet runt',
      timeZone: 'Europe/Stockholm',
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        open: '00:00',
        close: '24:00',
      })),
    });
    const policy = (name: string, minutes: number) =>
      apiCall<{ id: string }>(stack, token, 'POST', '/sla-policies', {
        name,
        calendarId: calendar.id,
        firstResponse: { minutes, warnAtPercent: 80 },
      });
    const [fourHours, halfHour] = [await policy('Webbformulär', 240), await policy('E-post', 30)];
    const form = await stack.prisma.channel.create({
      data: {
        type: 'WEB_FORM',
        name: 'Kontakta oss',
        teamId: team.id,
        slaPolicyId: fourHours.id,
        backfillSince: new Date(),
      },
    });
    const email = await createEmailChannel(stack.prisma, dovecot, {
      backfillSince: new Date(Date.now() - 24 * 3600_000),
    });
    await stack.prisma.channel.update({
      where: { id: email.id },
      data: { name: 'kommun@kommun.test', teamId: team.id, slaPolicyId: halfHour.id },
    });
    await dovecot.append(MAILBOX_USER, 'INBOX', MAILS);
    await pollAndSettle(stack.prisma, email.id, { env: stack.env });
    const threads = [];
    for (const submission of FORMS) {
      threads.push(await ingestedThread(stack, await submitWebForm(stack, form.id, submission)));
    }
    const [waste, lamp] = threads;
    await apiCall(stack, token, 'PATCH', `/threads/${lamp!.id}`, {
      version: lamp!.version,
      assigneeId: colleague.id,
      tags: ['gatubelysning'],
    });
    await apiCall(stack, token, 'POST', `/threads/${waste!.id}/notes`, {
      text: 'Ringde renhållningen: bilen har varit trasig, de kommer på torsdag.',
    });

    const t = await webStrings('sv');
    const loginContext = await newPerson(browser, stack, 'sv');
    const loginPage = await loginContext.newPage();
    await loginPage.goto('/');
    await loginPage.getByRole('button', { name: t('auth.signIn') }).waitFor();
    await saveScreenshot(loginPage, 'login.png');
    await loginContext.close();

    const settled = async (page: Page) => {
      await page.evaluate('document.fonts.ready');
      await page.mouse.move(0, 0);
    };
    const sv = await signIn(browser, stack, admin, 'sv');
    await threadRow(sv.page, t, 'Faktura för hemtjänst').waitFor();
    await threadRow(sv.page, t, 'Plats i förskolan').waitFor();
    await settled(sv.page);
    await saveScreenshot(sv.page, 'inbox.png');
    await sv.page.goto(`/threads/${waste!.id}`);
    await sv.page.getByRole('heading', { name: 'Sophämtningen har uteblivit' }).waitFor();
    await sv.page.getByText('Ringde renhållningen').waitFor();
    await sv.page.getByRole('textbox', { name: t('composer.reply.label') }).waitFor();
    await settled(sv.page);
    await saveScreenshot(sv.page, 'thread.png');
    await sv.context.close();

    const dark = await signIn(browser, stack, admin, 'sv', { colorScheme: 'dark' });
    await dark.page.goto(`/threads/${waste!.id}`);
    await dark.page.getByText('Ringde renhållningen').waitFor();
    await dark.page.getByRole('textbox', { name: t('composer.reply.label') }).waitFor();
    await settled(dark.page);
    await expectAccessible(dark.page, 'a thread in the dark theme');
    await saveScreenshot(dark.page, 'thread-dark.png');
    await dark.context.close();

    const en = await signIn(browser, stack, admin, 'en');
    await threadRow(en.page, en.t, 'Faktura för hemtjänst').waitFor();
    await settled(en.page);
    await expectAccessible(en.page, 'the inbox in English');
    await saveScreenshot(en.page, 'inbox-en.png');
    await en.context.close();
  });
});
