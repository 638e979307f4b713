import { DateTime } from 'luxon';
import type { TargetName } from '@svara/sla';
import { maskIdentityNumbers } from '@svara/compliance';

export type MailLocale = 'sv' | 'en';
export const MAIL_LOCALES: readonly MailLocale[] = ['sv', 'en'];

export interface EscalationMailFacts {
  locale: MailLocale;
  threadId: string;
  threadSubject: string | null;
  contactName: string | null;
  channelName: string;
  target: TargetName;
  level: number;
  /** WARNING: the deadline is near; BREACH: it has passed. */
  on: 'WARNING' | 'BREACH';
  dueAt: Date;
  now: Date;
  timeZone: string;
  publicUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  sv: {
    target: { firstResponse: 'första svar', nextResponse: 'nästa svar', resolution: 'lösning' },
    untitled: '(utan ämne)',
    overdue: 'Försenat',
    dueSoon: 'Snart försenat',
    late: (span: string) => `${span} sent`,
    left: (span: string) => `förfaller om ${span}`,
    intro: (level: number) => `Svara eskalerar ett ärende (nivå ${level}).`,
    thread: 'Ärende',
    from: 'Från',
    channel: 'Kanal',
    target_: 'Mål',
    due: 'Förföll',
    dueFuture: 'Förfaller',
    status: 'Läge',
    open: 'Öppna ärendet',
    footer: 'Det här är ett automatiskt meddelande från Svara.',
    units: { d: 'd', h: 'tim', min: 'min' },
  },
  en: {
    target: {
      firstResponse: 'first response',
      nextResponse: 'next response',
      resolution: 'resolution',
    },
    untitled: '(no subject)',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    late: (span: string) => `${span} late`,
    left: (span: string) => `due in ${span}`,
    intro: (level: number) => `Svara is escalating a thread (level ${level}).`,
    thread: 'Thread',
    from: 'From',
    channel: 'Channel',
    target_: 'Target',
    due: 'Was due',
    dueFuture: 'Due',
    status: 'Status',
    open: 'Open the thread',
    footer: 'This is an automatic message from Svara.',
    units: { d: 'd', h: 'h', min: 'min' },
  },
} as const;

/** "1 d 2 h 5 min", rounded to whole minutes. */
export function span(ms: number, units: { d: string; h: string; min: string }): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days ? `${days} ${units.d}` : '',
    hours ? `${hours} ${units.h}` : '',
    rest || (!days && !hours) ? `${rest} ${units.min}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The escalation e-mail: which thread, which channel, which target, how late, and a link. */
export function escalationMail(facts: EscalationMailFacts): RenderedMail {
  const w = WORDS[facts.locale];
  const target = w.target[facts.target];
  // Mail leaves Svara: a personal identity number in the subject never goes with it.
  const title = maskIdentityNumbers(facts.threadSubject?.trim() || w.untitled);
  const late = facts.now.getTime() - facts.dueAt.getTime();
  const lateness = late >= 0 ? w.late(span(late, w.units)) : w.left(span(-late, w.units));
  const headline = late >= 0 || facts.on === 'BREACH' ? w.overdue : w.dueSoon;
  const due = DateTime.fromJSDate(facts.dueAt, { zone: facts.timeZone })
    .setLocale(facts.locale === 'sv' ? 'sv-SE' : 'en-GB')
    .toFormat('d LLL yyyy HH:mm ZZZZ');
  const link = `${facts.publicUrl}/threads/${facts.threadId}`;

  const subject = `[Svara] ${headline}: ${title} – ${target} ${lateness} (${facts.channelName})`;
  const rows: [string, string][] = [
    [w.thread, title],
    ...(facts.contactName ? ([[w.from, facts.contactName]] as [string, string][]) : []),
    [w.channel, facts.channelName],
    [w.target_, target],
    [late >= 0 ? w.due : w.dueFuture, due],
    [w.status, lateness],
  ];
  const text = [
    w.intro(facts.level),
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.open}: ${link}`,
    '',
    '-- ',
    w.footer,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${facts.locale}"><body>`,
    `<p>${escapeHtml(w.intro(facts.level))}</p>`,
    '<table>',
    ...rows.map(
      ([label, value]) =>
        `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></p>`,
    `<p><small>${escapeHtml(w.footer)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
