import { randomUUID } from 'node:crypto';
import type { Dovecot, MailUser } from '../support/dovecot';
import type { GraphStore } from '../support/fake-graph/store';
import type { SmtpReceiver } from '../support/smtp-receiver';
import type { DemoApi } from './demo-api';
import { citizenName, DemoRandom, emailOf, filledIn, TOPICS, type Topic } from './content';

const MINUTE = 60_000;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE);
const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
const OFFICE_HOURS = [
  ...[1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '16:30' })),
  { weekday: 5, open: '08:00', close: '15:00' },
];

export interface DemoPerson {
  email: string;
  password: string;
  name: string;
  role: 'LEAD' | 'AGENT';
  team: 'service' | 'planning';
}

const PEOPLE: DemoPerson[] = [
  { name: 'Karin Holm', email: 'karin.holm@sundsvik.se', role: 'LEAD', team: 'service' },
  { name: 'Ali Hassan', email: 'ali.hassan@sundsvik.se', role: 'AGENT', team: 'service' },
  { name: 'Sara Nyström', email: 'sara.nystrom@sundsvik.se', role: 'AGENT', team: 'service' },
  { name: 'Magnus Ström', email: 'magnus.strom@sundsvik.se', role: 'LEAD', team: 'planning' },
  { name: 'Per Öberg', email: 'per.oberg@sundsvik.se', role: 'AGENT', team: 'planning' },
].map((person) => ({
  ...person,
  password: `${person.name.split(' ')[0]}-Sundsvik-demo-2026`,
})) as DemoPerson[];

interface ThreadRow {
  id: string;
  version: number;
  teamId: string | null;
  channelType: string;
}

/**
 * The demo municipality, Sundsviks kommun: set up through the admin API as an
 * admin would, with a history of citizens' messages on every channel whose
 * ages put threads in every SLA state, worked by its agents, and new messages
 * arriving every few seconds.
 */
export class Municipality {
  private readonly random = new DemoRandom(2026);
  private readonly teams = { service: '', planning: '' };
  private readonly channels = { page: '', instagram: '', form: '', email: '' };
  private readonly userIds = new Map<string, string>();
  private readonly byText = new Map<string, Topic>();
  private pageId = '';
  private instagramId = '';
  private mediaIds: string[] = [];
  private mails = 0;

  constructor(
    private readonly api: DemoApi,
    private readonly graph: GraphStore,
    private readonly smtp: SmtpReceiver,
    private readonly dovecot: Dovecot | undefined,
    private readonly mailbox: MailUser,
  ) {}

  async setUp(): Promise<{ people: DemoPerson[] }> {
    const api = this.api;
    const always = await api.call<{ id: string }>('POST', '/calendars', {
      name: 'Dygnet runt',
      timeZone: 'Europe/Stockholm',
      weeklyHours: ALWAYS,
    });
    const office = await api.call<{ id: string }>('POST', '/calendars', {
      name: 'Kommunens öppettider',
      timeZone: 'Europe/Stockholm',
      weeklyHours: OFFICE_HOURS,
      holidayCountries: ['SE'],
    });
    const social = await api.call<{ id: string }>('POST', '/sla-policies', {
      name: 'Sociala medier: svar inom två timmar',
      calendarId: always.id,
      firstResponse: { minutes: 120, warnBeforeMinutes: 30 },
      nextResponse: { minutes: 240, warnBeforeMinutes: 30 },
      escalationLevels: [
        { level: 1, on: 'WARNING', recipients: { threadTeamLeads: true } },
        { level: 2, on: 'BREACH', recipients: { threadTeamLeads: true } },
        {
          level: 3,
          on: 'BREACH',
          afterMinutes: 60,
          recipients: { addresses: ['kommunikationschef@sundsvik.se'] },
        },
      ],
    });
    const nextWorkingDay = await api.call<{ id: string }>('POST', '/sla-policies', {
      name: 'Skyndsamt, senast nästa arbetsdag',
      calendarId: office.id,
      firstResponse: { workingDays: 1 },
      resolution: { workingDays: 10 },
      escalationLevels: [{ level: 1, on: 'BREACH', recipients: { threadTeamLeads: true } }],
    });
    this.teams.service = (
      await api.call<{ id: string }>('POST', '/teams', { name: 'Kundtjänst' })
    ).id;
    this.teams.planning = (
      await api.call<{ id: string }>('POST', '/teams', { name: 'Samhällsbyggnad' })
    ).id;
    await api.call('PUT', `/teams/${this.teams.planning}/sla-policy`, {
      slaPolicyId: nextWorkingDay.id,
    });
    for (const person of PEOPLE) {
      const user = await api.call<{ id: string }>('POST', '/users', {
        email: person.email,
        name: person.name,
        role: person.role,
        password: person.password,
        teamIds: [this.teams[person.team]],
      });
      this.userIds.set(person.email, user.id);
      if (person.role === 'LEAD') {
        await api.call('PUT', `/teams/${this.teams[person.team]}/members/${user.id}`, {
          isLead: true,
        });
      }
    }

    this.seedSocialHistory();
    await this.seedMailHistory();

    const backfillSince = minutesAgo(4 * 24 * 60).toISOString();
    const channel = (body: Record<string, unknown>) =>
      api.call<{ id: string }>('POST', '/channels', { backfillSince, ...body });
    this.channels.page = (
      await channel({
        type: 'FACEBOOK_PAGE',
        name: 'Sundsviks kommun på Facebook',
        teamId: this.teams.service,
        slaPolicyId: social.id,
        pollIntervalSeconds: 15,
        config: { pageId: this.pageId },
        secrets: { pageAccessToken: this.graph.requireAccount(this.pageId).token },
      })
    ).id;
    this.channels.instagram = (
      await channel({
        type: 'INSTAGRAM',
        name: '@sundsvikskommun',
        teamId: this.teams.service,
        slaPolicyId: social.id,
        pollIntervalSeconds: 15,
        config: { igUserId: this.instagramId, pageId: this.pageId },
        secrets: { accessToken: this.graph.requireAccount(this.instagramId).token },
      })
    ).id;
    this.channels.form = (
      await channel({
        type: 'WEB_FORM',
        name: 'Kontakta oss (webbformulär)',
        teamId: this.teams.service,
        slaPolicyId: nextWorkingDay.id,
      })
    ).id;
    if (this.dovecot) {
      this.channels.email = (
        await channel({
          type: 'EMAIL',
          name: 'kommun@sundsvik.se',
          teamId: this.teams.planning,
          pollIntervalSeconds: 15,
          config: {
            address: this.mailbox.user,
            imapHost: '127.0.0.1',
            imapPort: this.dovecot.port,
            // The demo's own servers on loopback speak no TLS; real ones must.
            imapSecure: false,
            imapRequireTls: false,
            mailbox: 'INBOX',
            smtpHost: '127.0.0.1',
            smtpPort: this.smtp.port,
            smtpSecure: false,
            smtpRequireTls: false,
          },
          secrets: { imapUser: this.mailbox.user, imapPassword: this.mailbox.password },
        })
      ).id;
    }
    for (let n = 0; n < 30; n += 1) await this.submitForm();
    return { people: PEOPLE };
  }

  /**
   * Messenger, Instagram and comment history. The social policy warns at 90
   * minutes and breaches at 120: the ages spread threads over ok, warning and
   * breached, and a few fall due in the demo's first minutes, so warnings and
   * escalations are e-mailed while one watches.
   */
  private seedSocialHistory(): void {
    const page = this.graph.addPage({ name: 'Sundsviks kommun' });
    const instagram = this.graph.addInstagramAccount({
      username: 'sundsvikskommun',
      pageId: page.id,
    });
    this.pageId = page.id;
    this.instagramId = instagram.id;
    const age = (): number => {
      const roll = this.random.next();
      if (roll < 0.4) return this.random.between(5, 85);
      if (roll < 0.55) return this.random.between(91, 117);
      if (roll < 0.6) return this.random.between(118.2, 119.6);
      if (roll < 0.65) return this.random.between(88.6, 89.8);
      return this.random.between(125, 3 * 24 * 60);
    };
    for (let n = 0; n < 220; n += 1) {
      const ownerId = n % 4 === 3 ? instagram.id : page.id;
      const person = this.person(ownerId === page.id ? 'messenger' : 'instagram');
      const topic = this.random.pick(TOPICS);
      const at = age();
      this.graph.receiveMessage(ownerId, person, this.textAbout(topic), minutesAgo(at));
      // Older conversations were mostly answered on the Page already; some wrote again.
      if (at > 150 && this.random.next() < 0.7) {
        this.graph.sendMessage(
          ownerId,
          person.id,
          this.random.pick(topic.answers),
          minutesAgo(at - 30),
        );
        if (this.random.next() < 0.3) {
          this.graph.receiveMessage(
            ownerId,
            person,
            this.random.pick(topic.followUps),
            minutesAgo(this.random.between(10, at - 40)),
          );
        }
      }
    }
    const posts = [
      this.graph.addPost(page.id, 'Vinterväghållning: så plogar vi i vinter', minutesAgo(2000)),
      this.graph.addPost(page.id, 'Nu öppnar vi anmälan till sommarens simskola', minutesAgo(900)),
    ];
    this.mediaIds = [
      this.graph.addMedia(instagram.id, 'Nya lekplatsen i Stadsparken är klar!', minutesAgo(1500))
        .id,
    ];
    for (let n = 0; n < 40; n += 1) {
      const onInstagram = n % 3 === 2;
      const objectId = onInstagram ? this.mediaIds[0]! : this.random.pick(posts).id;
      const topic = this.random.pick(TOPICS);
      this.graph.addComment(
        objectId,
        this.person(onInstagram ? 'instagram' : 'messenger'),
        this.textAbout(topic),
        { at: minutesAgo(age()) },
      );
    }
  }

  /** Mail in the shared mailbox from the last few working days, before the channel reads it. */
  private async seedMailHistory(): Promise<void> {
    if (!this.dovecot) return;
    for (let n = 0; n < 25; n += 1) {
      await this.appendMail(minutesAgo(this.random.between(30, 5 * 24 * 60)));
    }
  }

  private async appendMail(at: Date): Promise<void> {
    if (!this.dovecot) return;
    const topic = this.random.pick(
      TOPICS.filter((t) => ['bygglov', 'vatten', 'belysning', 'parkering'].includes(t.tag)),
    );
    const name = citizenName(this.random);
    this.mails += 1;
    const raw = [
      `From: ${name} <${emailOf(name, this.mails)}>`,
      `To: Sundsviks kommun <${this.mailbox.user}>`,
      `Subject: ${topic.subject}`,
      `Date: ${at.toUTCString()}`,
      `Message-ID: <${randomUUID()}@example.se>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Hej,\n\n${this.textAbout(topic)}\n\nMed vänliga hälsningar\n${name}`,
    ].join('\r\n');
    await this.dovecot.append(this.mailbox, 'INBOX', [raw], at);
  }

  private async submitForm(): Promise<void> {
    const topic = this.random.pick(TOPICS);
    const name = citizenName(this.random);
    this.mails += 1;
    await this.api.submitForm(this.channels.form, {
      name,
      email: emailOf(name, this.mails),
      subject: topic.subject,
      message: this.textAbout(topic),
    });
  }

  private person(platform: 'messenger' | 'instagram') {
    const id = String(Math.floor(this.random.between(1e15, 9e15)));
    const name = citizenName(this.random);
    return platform === 'messenger'
      ? { id, name }
      : { id, username: name.toLowerCase().replace(/[^a-zåäö]+/g, '.') };
  }

  private textAbout(topic: Topic): string {
    const text = filledIn(this.random.pick(topic.texts), this.random);
    this.byText.set(text, topic);
    return text;
  }

  private async threads(): Promise<ThreadRow[]> {
    const rows: ThreadRow[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { data: ThreadRow[]; nextCursor: string | null } = await this.api.call(
        'GET',
        `/threads?limit=100${query}`,
      );
      rows.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  /** Waits until the polls have brought the history in (the count stops growing). */
  async settle(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let steady = 0;
    while (Date.now() < deadline && steady < 3) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const count = (await this.threads()).length;
      steady = count === last && count > 0 ? steady + 1 : 0;
      last = count;
    }
    return last;
  }

  /** The agents' morning: threads assigned, answered, tagged, put on hold and closed. */
  async workTheInbox(): Promise<void> {
    const sessions = new Map<string, DemoApi>();
    for (const person of PEOPLE)
      sessions.set(person.email, await this.api.as(person.email, person.password));
    const agentsOf = (teamId: string | null) =>
      PEOPLE.filter((person) => person.role === 'AGENT' && this.teams[person.team] === teamId);

    const threads = await this.threads();
    for (const row of threads) {
      const roll = this.random.next();
      if (roll > 0.55) continue;
      const agents = agentsOf(row.teamId);
      if (agents.length === 0) continue;
      const agent = this.random.pick(agents);
      const session = sessions.get(agent.email)!;
      const detail = await session.call<{
        version: number;
        messages: { direction: string; text: string; sentAt: string }[];
      }>('GET', `/threads/${row.id}`);
      const first = detail.messages.find((message) => message.direction === 'INBOUND');
      const topic = [...this.byText].find(([text]) => first?.text.includes(text))?.[1];
      await session.call('PATCH', `/threads/${row.id}`, {
        version: detail.version,
        assigneeId: this.userIds.get(agent.email),
        tags: topic ? [topic.tag] : [],
      });
      // Meta refuses replies a day after the person last wrote: a few such tries show how
      // a failed reply looks, most of those conversations are left alone.
      const lastInbound = detail.messages.filter((m) => m.direction === 'INBOUND').at(-1);
      const pastMetaWindow =
        row.channelType !== 'WEB_FORM' &&
        row.channelType !== 'EMAIL' &&
        Date.now() - new Date(lastInbound?.sentAt ?? 0).getTime() > 23 * 60 * MINUTE;
      if (roll < 0.3 && (!pastMetaWindow || this.random.next() < 0.2)) {
        const answer = topic
          ? this.random.pick(topic.answers)
          : 'Tack för ditt meddelande! Vi återkommer.';
        await session.call('POST', `/threads/${row.id}/replies`, {
          text: filledIn(answer, this.random),
        });
      }
      if (roll < 0.12) {
        await session.call('POST', `/threads/${row.id}/notes`, {
          text: 'Ringde upp och lovade återkoppling när entreprenören har svarat.',
        });
      }
      const status = roll < 0.15 ? 'CLOSED' : roll < 0.2 ? 'PENDING' : undefined;
      if (status) {
        const { version } = await session.call<{ version: number }>('GET', `/threads/${row.id}`);
        await session.call('PATCH', `/threads/${row.id}`, { version, status });
      }
    }
  }

  /** New messages every few seconds, on every channel in turn, until the demo stops. */
  keepWriting(everyMs = 5000): void {
    const writers = [
      () => {
        const topic = this.random.pick(TOPICS);
        this.graph.receiveMessage(this.pageId, this.person('messenger'), this.textAbout(topic));
      },
      () => this.submitForm(),
      () => {
        const topic = this.random.pick(TOPICS);
        this.graph.addComment(this.mediaIds[0]!, this.person('instagram'), this.textAbout(topic));
      },
      () => this.appendMail(new Date()),
      () => {
        const topic = this.random.pick(TOPICS);
        this.graph.receiveMessage(
          this.instagramId,
          this.person('instagram'),
          this.textAbout(topic),
        );
      },
    ];
    let turn = 0;
    setInterval(() => {
      const write = writers[turn % writers.length]!;
      turn += 1;
      Promise.resolve(write()).catch((error: Error) =>
        console.error(`  a demo citizen could not write: ${error.message}`),
      );
    }, everyMs);
  }
}
