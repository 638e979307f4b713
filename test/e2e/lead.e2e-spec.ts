import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createPerson, signIn, submitWebForm, type Person } from '../support/web-people';
import {
  addChannel,
  answeredThread,
  createLeadTeam,
  openThread,
  sentEscalation,
} from '../support/web-lead';
import {
  expectAccessible,
  launchBrowser,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';

describe("the team lead's pages in a browser", () => {
  let stack: WebStack;
  let browser: Browser;
  let lead: Person;
  let agent: Person;
  let admin: Person;
  const threads: Record<string, string> = {};
  let serviceChannelId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const service = await createLeadTeam(stack, 'Servicecenter', 'Kontakta oss');
    const building = await createLeadTeam(stack, 'Bygglov', 'Bygglovsfrågor');
    serviceChannelId = service.channel.id;
    lead = await createPerson(stack, { role: 'LEAD', name: 'Lena Ek', teamIds: [service.team.id] });
    await stack.prisma.teamMember.update({
      where: { teamId_userId: { teamId: service.team.id, userId: lead.id } },
      data: { isLead: true },
    });
    agent = await createPerson(stack, { name: 'Karin Lindqvist', teamIds: [service.team.id] });
    await createPerson(stack, { name: 'Olof Berg', teamIds: [service.team.id] });
    admin = await createPerson(stack, { role: 'ADMIN', name: 'Eva Holm' });

    const late = await openThread(stack, service, 'Trasig gatlampa på Kyrkvägen', {
      slaState: 'BREACHED',
      dueInMinutes: -40,
      assigneeId: agent.id,
      waitedMinutes: 160,
    });
    threads.late = late.id;
    await openThread(stack, service, 'Snöröjning på Björkvägen', {
      slaState: 'OK',
      dueInMinutes: 25,
      waitedMinutes: 95,
    });
    await openThread(stack, service, 'Plats i förskolan i Västerby', {
      slaState: 'WARNING',
      dueInMinutes: 90,
      waitedMinutes: 30,
    });
    await openThread(stack, service, 'Fråga om sophämtning', { slaState: 'OK', dueInMinutes: 110 });
    await openThread(stack, building, 'Bygglov för garage', {
      slaState: 'BREACHED',
      dueInMinutes: -10,
    });

    // The last few days: four answered web-form threads for the service centre
    // (three in time, an escalation for the late one), two e-mails (one in
    // time), and two late threads for building permits, each escalated.
    for (const [daysAgo, minutes, inTime] of [
      [3, 30, true],
      [3, 150, false],
      [2, 45, true],
      [1, 20, true],
    ] as const) {
      const thread = await answeredThread(stack, service, { daysAgo, minutes, inTime });
      if (!inTime) await sentEscalation(stack, thread.id, new Date(Date.now() - 3 * 86_400_000));
    }
    const mailbox = await addChannel(stack, service, 'EMAIL', 'Servicecenter e-post');
    await answeredThread(stack, mailbox, { daysAgo: 2, minutes: 15, inTime: true });
    await answeredThread(stack, mailbox, { daysAgo: 1, minutes: 180, inTime: false });
    for (const daysAgo of [2, 1]) {
      const thread = await answeredThread(stack, building, {
        daysAgo,
        minutes: 200,
        inTime: false,
      });
      await sentEscalation(stack, thread.id, new Date(Date.now() - daysAgo * 86_400_000));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("shows a lead their team's late, at-risk and waiting threads and each agent's load, one click from the thread", async () => {
    const { context, page, t } = await signIn(browser, stack, lead, 'sv');
    await page.getByRole('link', { name: t('app.lead') }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: t('lead.dashboard.titleFor', { team: 'Servicecenter' }),
      })
      .waitFor();

    const list = (heading: string) =>
      page.getByRole('list', { name: new RegExp(`^${heading}`) }).getByRole('listitem');
    expect(await list(t('lead.dashboard.breached')).allInnerTexts()).toEqual([
      expect.stringContaining('Trasig gatlampa på Kyrkvägen'),
    ]);
    const atRisk = await list(t('lead.dashboard.atRisk')).allInnerTexts();
    expect(atRisk).toEqual([
      expect.stringContaining('Snöröjning på Björkvägen'),
      expect.stringContaining('Plats i förskolan i Västerby'),
    ]);
    expect(await list(t('lead.dashboard.oldestWaiting')).first().innerText()).toContain(
      'Trasig gatlampa på Kyrkvägen',
    );
    const summary = await page.locator('.dashboard-summary').innerText();
    expect(summary).toContain(t('lead.dashboard.summary.breached', { count: 1, n: '1' }));
    expect(summary).toContain(t('lead.dashboard.summary.atRisk', { count: 2, n: '2' }));
    expect(summary).toContain(t('lead.dashboard.summary.unassigned', { count: 3, n: '3' }));
    const karin = page.getByRole('row', { name: /Karin Lindqvist/ });
    expect(await karin.getByRole('cell').allInnerTexts()).toEqual(['1', '1']);
    // Another team's threads are not there, and there is no team to pick.
    expect(await page.getByText('Bygglov för garage').count()).toBe(0);
    expect(
      await page.getByRole('button', { name: new RegExp(t('lead.dashboard.team')) }).count(),
    ).toBe(0);
    await expectAccessible(page, "the lead's dashboard");
    await saveScreenshot(page, 'lead-dashboard.png');

    // A citizen writes: the open dashboard counts one more unassigned thread without a reload.
    await submitWebForm(stack, serviceChannelId, {
      name: 'Maria Nilsson',
      email: 'maria.nilsson@example.se',
      subject: 'Parkeringstillstånd',
      message: 'Hur ansöker jag om parkeringstillstånd för rörelsehindrade?',
    });
    await page
      .locator('.dashboard-summary')
      .filter({ hasText: t('lead.dashboard.summary.unassigned', { count: 4, n: '4' }) })
      .waitFor({ timeout: 20_000 });

    await page.getByRole('link', { name: 'Trasig gatlampa på Kyrkvägen' }).first().click();
    await page.waitForURL(new RegExp(`/threads/${threads.late}`));
    await page.getByRole('heading', { name: 'Trasig gatlampa på Kyrkvägen' }).waitFor();
    await context.close();
  });

  it("shows a lead the report's charts for their team only, with tables and CSV downloads", async () => {
    const { context, page, t } = await signIn(browser, stack, lead, 'sv');
    // The last week up to yesterday, in Stockholm: the answered threads, not today's open ones.
    const stockholmDay = (daysAgo: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.now() - daysAgo * 86_400_000),
      );
    await page.goto(`/lead/reports?from=${stockholmDay(7)}&to=${stockholmDay(1)}`);
    const figure = (title: string) => page.getByRole('region', { name: title });
    const share = figure(t('lead.reports.charts.share'));
    await share.locator('.recharts-line').first().waitFor();
    const percent = new Intl.NumberFormat('sv', { style: 'percent' });
    const and = (items: string[]) =>
      new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' }).format(items);
    expect(await share.locator('.report-summary').innerText()).toBe(
      t('lead.reports.summary.share', {
        list: and([
          t('lead.reports.summary.shareOf', {
            group: t('channel.WEB_FORM'),
            share: percent.format(0.75),
            inTime: 3,
            measured: 4,
          }),
          t('lead.reports.summary.shareOf', {
            group: t('channel.EMAIL'),
            share: percent.format(0.5),
            inTime: 1,
            measured: 2,
          }),
        ]),
      }),
    );
    const volumes = figure(t('lead.reports.charts.volumes'));
    expect(await volumes.locator('.report-summary').innerText()).toBe(
      t('lead.reports.summary.volumes', {
        count: 6,
        list: and(['Kontakta oss 4', 'Servicecenter e-post 2']),
      }),
    );
    expect(
      await figure(t('lead.reports.charts.escalations')).locator('.report-summary').innerText(),
    ).toBe(t('lead.reports.summary.escalations', { count: 1 }));
    // The other team's channel is nowhere: not in the charts, not in the tables.
    expect(await page.getByText('Bygglovsfrågor').count()).toBe(0);
    await expectAccessible(page, 'the SLA report');
    await page.setViewportSize({ width: 1280, height: 1300 });
    await saveScreenshot(page, 'lead-report.png');
    await page.setViewportSize({ width: 1280, height: 800 });

    await volumes.getByText(t('lead.reports.showTable')).click();
    const rows = volumes.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(1 + 5);
    await expectAccessible(page, 'the SLA report with a table open');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      volumes
        .getByRole('button', {
          name: t('lead.reports.downloadCsvOf', { what: t('lead.reports.charts.volumes') }),
        })
        .click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      ['period', 'channel', 'channelType', 'threads']
        .map((column) => t(`lead.reports.columns.${column}`))
        .join(','),
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual([
      'Kontakta oss,WEB_FORM,2',
      'Kontakta oss,WEB_FORM,1',
      'Servicecenter e-post,EMAIL,1',
      'Kontakta oss,WEB_FORM,1',
      'Servicecenter e-post,EMAIL,1',
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^arenden-per-kanal-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    const [shareCsv] = await Promise.all([
      page.waitForEvent('download'),
      share
        .getByRole('button', {
          name: t('lead.reports.downloadCsvOf', { what: t('lead.reports.charts.share') }),
        })
        .click(),
    ]);
    const shareLines = readFileSync((await shareCsv.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(shareLines.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual([
      `${t('channel.WEB_FORM')},2,2,1,0.5`,
      `${t('channel.EMAIL')},1,1,1,1`,
      `${t('channel.WEB_FORM')},1,1,1,1`,
      `${t('channel.EMAIL')},1,1,0,0`,
      `${t('channel.WEB_FORM')},1,1,1,1`,
    ]);

    // By week: the same threads in one or two weeks; a range the wrong way round is refused in words.
    await page.goto('/lead/reports?from=2026-01-10&to=2026-01-01');
    await page
      .getByRole('alert')
      .filter({ hasText: t('lead.reports.errors.order') })
      .waitFor();
    await expectAccessible(page, 'the SLA report with a wrong range');
    await context.close();

    const dark = await signIn(browser, stack, lead, 'sv', { colorScheme: 'dark' });
    await dark.page.goto(`/lead/reports?from=${stockholmDay(7)}&to=${stockholmDay(1)}&bucket=week`);
    await dark.page.locator('.recharts-bar-rectangle').first().waitFor();
    await expectAccessible(dark.page, 'the SLA report by week, dark');
    await dark.page.setViewportSize({ width: 1280, height: 1300 });
    await saveScreenshot(dark.page, 'lead-report-dark.png');
    await dark.context.close();
  });

  it('lets an admin pick any team on the dashboard', async () => {
    const { context, page, t } = await signIn(browser, stack, admin, 'en');
    await page.goto('/lead');
    await page
      .getByRole('heading', { level: 1, name: t('lead.dashboard.titleFor', { team: 'Bygglov' }) })
      .waitFor();
    await page
      .getByRole('list', { name: new RegExp(`^${t('lead.dashboard.breached')}`) })
      .getByRole('link', { name: 'Bygglov för garage' })
      .waitFor();
    await page.getByRole('button', { name: new RegExp(t('lead.dashboard.team')) }).click();
    await page.getByRole('option', { name: 'Servicecenter' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: t('lead.dashboard.titleFor', { team: 'Servicecenter' }),
      })
      .waitFor();
    await page.getByRole('link', { name: 'Trasig gatlampa på Kyrkvägen' }).first().waitFor();
    expect(await page.getByText('Bygglov för garage').count()).toBe(0);
    await expectAccessible(page, "an admin's view of the dashboard");
    await context.close();
  });

  it('tells an agent who opens the lead pages that they may not', async () => {
    const { context, page, t } = await signIn(browser, stack, agent, 'sv');
    for (const path of ['/lead', '/lead/reports']) {
      await page.goto(path);
      await page.getByRole('heading', { name: t('sections.notAllowed.title') }).waitFor();
      await page
        .getByRole('alert')
        .filter({ hasText: t('sections.notAllowed.agent') })
        .waitFor();
      expect(await page.getByText('Trasig gatlampa på Kyrkvägen').count()).toBe(0);
      await expectAccessible(page, `${path} as an agent`);
    }
    await context.close();
  });
});
