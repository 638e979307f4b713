import type { Browser } from 'playwright-core';
import { DEFAULT_PASSWORD } from '../support/factories';
import { createPerson, inboxList, type Person, signIn, type SignedIn } from '../support/web-people';
import { choose, pageHeading } from '../support/web-setup';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';

describe('an admin sets Svara up in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let admin: Person;
  let lead: Person;
  let signedIn: SignedIn;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    admin = await createPerson(stack, { role: 'ADMIN', name: 'Ingrid Admin' });
    lead = await createPerson(stack, { role: 'LEAD', name: 'Lena Lindberg' });
    signedIn = await signIn(browser, stack, admin, 'sv');
  });
  afterAll(async () => {
    await signedIn?.context.close();
    await browser?.close();
    await stack?.close();
  });

  it('creates a calendar with a half day and sees the coming year’s holidays and eves', async () => {
    const { page, t } = signedIn;
    await page.goto('/admin/calendars');
    await pageHeading(page, t('sections.calendars')).waitFor();
    await page.getByRole('button', { name: t('calendars.new') }).click();
    const form = page.getByRole('form', { name: t('calendars.new') });
    await form.getByLabel(t('calendars.name')).fill('Kontaktcenter');
    // A lunch break on Friday: a second range that day.
    const friday = form.getByRole('group', { name: 'Fredag' });
    await friday.getByLabel(t('calendars.closes')).fill('12:00');
    await friday
      .getByRole('button', { name: t('calendars.addRangeTo', { day: 'Fredag' }) })
      .click();
    await friday.getByLabel(t('calendars.opens')).nth(1).fill('13:00');
    await friday.getByLabel(t('calendars.closes')).nth(1).fill('16:30');
    await choose(form, page, t('calendars.eveDays'), t('calendars.eveRule.HALF_DAY'));
    await form.getByRole('button', { name: t('calendars.addDay') }).click();
    await form.getByLabel(t('calendars.date')).fill('2027-04-30');
    await choose(form, page, t('calendars.dayKind'), t('calendars.ownDayKind.HALF_DAY'));
    await form.getByLabel(t('calendars.closes')).last().fill('11:00');
    await expectAccessible(page, 'the calendar editor');
    await form.getByRole('button', { name: t('calendars.save') }).click();
    await form.waitFor({ state: 'hidden' });

    const calendar = await stack.prisma.businessCalendar.findFirstOrThrow({
      where: { name: 'Kontaktcenter' },
    });
    expect(calendar).toMatchObject({
      eveDays: 'HALF_DAY',
      holidayCountries: ['SE'],
      halfDays: [{ date: '2027-04-30', close: '11:00' }],
    });
    expect(calendar.weeklyHours).toEqual(
      expect.arrayContaining([
        { weekday: 5, open: '08:00', close: '12:00' },
        { weekday: 5, open: '13:00', close: '16:30' },
      ]),
    );

    const year = page.getByRole('table', {
      name: t('calendars.year.title', { name: 'Kontaktcenter', year: 2027 }),
    });
    await year.waitFor();
    const row = (text: string) => year.getByRole('row').filter({ hasText: text });
    expect(await row('30 april').textContent()).toContain(t('calendars.dayKindName.HALF_DAY'));
    expect(await row('30 april').textContent()).toContain('08:00–11:00');
    expect(await row('midsommarafton').textContent()).toContain('08:00–12:00');
    expect(await row('juldagen').textContent()).toContain(t('calendars.closed'));
    await expectAccessible(page, 'the calendars page with its year');
    await year.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-calendar.png');
  });

  it('creates a policy with two escalation levels and previews a Friday-afternoon message as due at Monday’s closing', async () => {
    const { page, t } = signedIn;
    await page.goto('/admin/sla-policies');
    await pageHeading(page, t('sections.slaPolicies')).waitFor();
    await page.getByRole('button', { name: t('slaPolicies.new') }).click();
    const form = page.getByRole('form', { name: t('slaPolicies.new') });
    await form.getByLabel(t('slaPolicies.name')).fill('Nästa arbetsdag');
    // The new policy starts as "by the end of the next working day", warning an hour before,
    // with a warning level and a breach level to the thread's team leads.
    const second = form.getByRole('group', { name: t('slaPolicies.level.title', { level: 2 }) });
    await second
      .getByLabel(t('slaPolicies.level.addresses'))
      .fill('registrator@kommun.test, chef@kommun.test');
    await expectAccessible(page, 'the policy editor');

    const preview = page.getByRole('region', { name: t('slaPolicies.preview.title') });
    await preview.getByLabel(t('slaPolicies.preview.arrival')).fill('2027-03-05T15:30');
    const due = preview.getByTestId('preview-due');
    await due.filter({ hasText: '8 mars 2027' }).waitFor();
    expect(await due.textContent()).toMatch(/måndag 8 mars 2027.*16:30/);
    await saveScreenshot(page, 'admin-policy.png');

    await form.getByRole('button', { name: t('slaPolicies.save') }).click();
    const editing = page.getByRole('form', {
      name: t('slaPolicies.editTitle', { name: 'Nästa arbetsdag' }),
    });
    await editing.waitFor();
    const policy = await stack.prisma.slaPolicy.findFirstOrThrow({
      where: { name: 'Nästa arbetsdag' },
    });
    expect(policy.firstResponse).toEqual({
      workingDays: 1,
      countFrom: 'arrivalDay',
      warnBeforeMinutes: 60,
    });
    expect(policy.escalationLevels).toEqual([
      expect.objectContaining({
        level: 1,
        on: 'WARNING',
        recipients: expect.objectContaining({ threadTeamLeads: true }),
      }),
      expect.objectContaining({
        level: 2,
        on: 'BREACH',
        recipients: expect.objectContaining({
          addresses: ['registrator@kommun.test', 'chef@kommun.test'],
        }),
      }),
    ]);

    // A change recomputes open threads' due times, with its progress on the page.
    await editing.getByLabel(t('slaPolicies.amount.workingDays')).first().fill('2');
    await editing.getByRole('button', { name: t('slaPolicies.save') }).click();
    await editing
      .getByRole('status')
      .filter({ hasText: t('slaPolicies.recompute.done', { count: 0 }) })
      .waitFor();
    await expectAccessible(page, 'a saved policy with its recomputation');
  });

  it('creates a team with a lead and the new policy', async () => {
    const { page, t } = signedIn;
    await page.goto('/admin/teams');
    await pageHeading(page, t('sections.teams')).waitFor();
    await page.getByLabel(t('teams.newName')).fill('Socialtjänsten');
    await page.getByRole('button', { name: t('teams.create') }).click();
    const panel = page.getByRole('region', { name: 'Socialtjänsten' });
    await panel.waitFor();
    await choose(panel, page, t('teams.policy'), 'Nästa arbetsdag');
    await choose(
      panel,
      page,
      t('teams.addWho', { team: 'Socialtjänsten' }),
      `${lead.name} (${lead.email})`,
    );
    await panel.getByText(t('teams.asLead')).click();
    await panel.getByRole('button', { name: t('teams.add'), exact: true }).click();
    await panel.getByRole('row').filter({ hasText: lead.email }).waitFor();
    await expectAccessible(page, 'the teams page');

    const team = await stack.prisma.team.findFirstOrThrow({
      where: { name: 'Socialtjänsten' },
      include: { members: true, slaPolicy: true },
    });
    expect(team.slaPolicy?.name).toBe('Nästa arbetsdag');
    expect(team.members).toEqual([expect.objectContaining({ userId: lead.id, isLead: true })]);
  });

  it('creates an agent who can then sign in, names a weak password, and keeps the last admin', async () => {
    const { page, t } = signedIn;
    await page.goto('/admin/users');
    await pageHeading(page, t('sections.users')).waitFor();
    await page.getByRole('button', { name: t('users.new') }).click();
    const form = page.getByRole('form', { name: t('users.new') });
    const agent = { name: 'Sara Ek', email: 'sara.ek@kommun.test' };
    await form.getByLabel(t('users.name')).fill(agent.name);
    await form.getByLabel(t('users.email')).fill(agent.email);
    await form.getByLabel(t('users.password')).fill('sommarsommar');
    await form.getByRole('button', { name: t('users.create') }).click();
    const weak = t('users.errors.weakPassword', { reason: '' }).replace(/: \.$/, '');
    await form.getByText(weak).waitFor();
    await expectAccessible(page, 'the new-user form with a weak password');
    await form.getByLabel(t('users.password')).fill(DEFAULT_PASSWORD);
    await form.getByRole('button', { name: t('users.create') }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: agent.email });
    await row.waitFor();
    expect(await row.textContent()).toContain(t('users.active'));

    // The only admin cannot switch themself off: the rule is said in words.
    const own = page.getByRole('row').filter({ hasText: admin.email });
    await own.getByRole('button', { name: t('users.deactivate') }).click();
    const dialog = page.getByRole('alertdialog', {
      name: t('users.deactivateTitle', { name: admin.name }),
    });
    await dialog.getByRole('button', { name: t('users.deactivateConfirm') }).click();
    await dialog.getByText(t('users.errors.lastAdmin')).waitFor();
    await expectAccessible(page, 'the last-admin refusal');
    await dialog.getByRole('button', { name: t('common.cancel') }).click();

    const created = await stack.prisma.user.findUniqueOrThrow({ where: { email: agent.email } });
    expect(created).toMatchObject({ role: 'AGENT', active: true });
    const session = await signIn(browser, stack, { ...created, email: agent.email }, 'sv');
    expect(await inboxList(session.page, session.t).isVisible()).toBe(true);
    await session.context.close();
  });

  it('writes a canned reply for one team', async () => {
    const { page, t } = signedIn;
    await page.goto('/admin/canned-replies');
    await pageHeading(page, t('sections.cannedReplies')).waitFor();
    await page.getByRole('button', { name: t('cannedReplies.new') }).click();
    const form = page.getByRole('form', { name: t('cannedReplies.new') });
    await form.getByLabel(t('cannedReplies.name')).fill('Tack för ditt meddelande');
    await choose(form, page, t('cannedReplies.team'), 'Socialtjänsten');
    await form
      .getByLabel(t('cannedReplies.text'))
      .fill('Hej! Tack för ditt meddelande. Vi svarar senast nästa arbetsdag.');
    await form.getByRole('button', { name: t('cannedReplies.save') }).click();
    await page.getByRole('row').filter({ hasText: 'Tack för ditt meddelande' }).waitFor();
    await expectAccessible(page, 'the canned replies page');
    const reply = await stack.prisma.cannedReply.findFirstOrThrow({
      where: { name: 'Tack för ditt meddelande' },
      include: { team: true },
    });
    expect(reply.team?.name).toBe('Socialtjänsten');
  });
});

describe('an admin keeps the tags tidy', () => {
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sees the tags in use with their counts and renames one on every thread', async () => {
    const channel = await stack.prisma.channel.create({
      data: { type: 'WEB_FORM', name: 'Kontakta oss', backfillSince: new Date() },
    });
    const thread = (subject: string, tags: string[]) =>
      stack.prisma.thread.create({
        data: {
          channelId: channel.id,
          externalId: subject,
          subject,
          tags,
          lastMessageAt: new Date(),
        },
      });
    const threads = await Promise.all([
      thread('Altan på tomten', ['bygglovsärende']),
      thread('Nytt garage', ['bygglov', 'bygglovsärende']),
      thread('Felparkerad bil', ['parkering']),
    ]);
    const admin = await createPerson(stack, { role: 'ADMIN', name: 'Ingrid Admin' });
    const { context, page, t } = await signIn(browser, stack, admin, 'sv');
    await page.goto('/admin/tags');
    await pageHeading(page, t('sections.tags')).waitFor();
    const row = (tag: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: tag, exact: true }) });
    expect(await row('bygglovsärende').getByRole('cell').first().textContent()).toBe('2');
    await expectAccessible(page, 'the tags page');

    await row('bygglovsärende')
      .getByRole('button', { name: t('tags.rename') })
      .click();
    const dialog = page.getByRole('alertdialog', {
      name: t('tags.renameTitle', { tag: 'bygglovsärende' }),
    });
    await dialog.getByLabel(t('tags.newName')).fill('bygglov');
    await expectAccessible(page, 'renaming a tag');
    await dialog.getByRole('button', { name: t('tags.renameConfirm') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row('bygglovsärende').waitFor({ state: 'detached' });
    expect(await row('bygglov').getByRole('cell').first().textContent()).toBe('2');
    const after = await stack.prisma.thread.findMany({
      where: { id: { in: threads.map((t) => t.id) } },
      orderBy: { subject: 'asc' },
    });
    expect(after.map((t) => [t.subject, t.tags])).toEqual([
      ['Altan på tomten', ['bygglov']],
      ['Felparkerad bil', ['parkering']],
      ['Nytt garage', ['bygglov']],
    ]);
    await context.close();
  });
});
