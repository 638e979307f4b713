import type { TFunction } from 'i18next';
import type { Channel, ChannelProblem } from './types';

/** Days before a Meta token's expiry from which the channel warns. */
const TOKEN_WARNING_DAYS = 14;
const DAY = 24 * 3600_000;

export type Tone = 'ok' | 'warning' | 'danger' | 'off';

/** How a channel is doing, in words, with a tone the page repeats in colour and a symbol. */
export function healthOf(channel: Channel, now: number): { tone: Tone; label: string } {
  if (!channel.enabled) return { tone: 'off', label: 'channels.health.disabled' };
  if (channel.health === 'UNHEALTHY') return { tone: 'danger', label: 'channels.health.UNHEALTHY' };
  if (channel.health === 'DEGRADED') return { tone: 'warning', label: 'channels.health.DEGRADED' };
  const expiry = tokenExpiryOf(channel, now);
  if (expiry && expiry.tone !== 'ok') return { tone: expiry.tone, label: 'channels.health.OK' };
  return { tone: 'ok', label: 'channels.health.OK' };
}

/** The Meta token's expiry: fine, soon (warning) or past (danger). */
export function tokenExpiryOf(
  channel: Channel,
  now: number,
): { tone: Tone; key: string; date: string } | null {
  if (!channel.tokenExpiresAt) return null;
  const left = Date.parse(`${channel.tokenExpiresAt}T23:59:59`) - now;
  if (left < 0)
    return { tone: 'danger', key: 'channels.health.tokenExpired', date: channel.tokenExpiresAt };
  if (left < TOKEN_WARNING_DAYS * DAY)
    return {
      tone: 'warning',
      key: 'channels.health.tokenExpiresSoon',
      date: channel.tokenExpiresAt,
    };
  return { tone: 'ok', key: 'channels.health.tokenExpires', date: channel.tokenExpiresAt };
}

export const isPaused = (channel: Channel, now: number) =>
  channel.backoffUntil !== null && Date.parse(channel.backoffUntil) > now;

export const problemText = (t: TFunction, problem: ChannelProblem) =>
  t(`channels.problem.${problem}`);

/** Web forms are not fetched: their messages are posted to Svara. */
export const isPolled = (channel: Pick<Channel, 'type'>) => channel.type !== 'WEB_FORM';

/** An API error message in the admin's language where its shape is known, else as it came. */
export function errorText(t: TFunction, message: string): string {
  const known: [RegExp, string][] = [
    [/is required$|should not be empty/, 'required'],
    [/must be a port number/, 'port'],
    [/must be a date/, 'date'],
    [/must be the numeric Graph id/, 'graphId'],
    [/must be the access token Meta issued/, 'token'],
    [/must be a list of origins/, 'origins'],
    [/go together/, 'smtpPair'],
    [/pollIntervalSeconds/, 'pollInterval'],
    [/replyChannelId/, 'mailbox'],
    [/is not valid$|must be an e-mail/, 'invalid'],
  ];
  const key = known.find(([pattern]) => pattern.test(message))?.[1];
  return key ? t(`channels.errors.${key}`) : message;
}
