import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Building an Intl formatter costs far more than using one, and every inbox
// row formats several times: each language and option set is built once.
const formatters = new Map<string, unknown>();
function cached<T>(kind: string, language: string, options: object, make: () => T): T {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const dateTimeFormat = (language: string, options: Intl.DateTimeFormatOptions) =>
  cached('date', language, options, () => new Intl.DateTimeFormat(language, options));
const numberFormat = (language: string, options: Intl.NumberFormatOptions) =>
  cached('number', language, options, () => new Intl.NumberFormat(language, options));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "14:05" today, "3 dec. 14:05" otherwise, in the app's language. */
export function formatDateTime(iso: string, language: string, now = Date.now()): string {
  const date = new Date(iso);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return dateTimeFormat(language, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    ...(new Date(now).getFullYear() === date.getFullYear() ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The full date and time, for tooltips and the SLA panel. */
export function formatFull(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "in 2 hours", "5 minutes ago", in the app's language. */
export function formatRelative(iso: string, language: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const rtf = cached(
    'relative',
    language,
    {},
    () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  );
  if (abs < MINUTE) return rtf.format(0, 'minute');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

/** How long something has waited, compact: "5 min", "3 h", "2 d" (Intl unit style). */
export function formatWaiting(iso: string, language: string, now = Date.now()): string {
  const ms = Math.max(0, now - new Date(iso).getTime());
  const unit = (value: number, u: 'minute' | 'hour' | 'day') =>
    numberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (ms < HOUR) return unit(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
  if (ms < DAY) return unit(Math.floor(ms / HOUR), 'hour');
  return unit(Math.floor(ms / DAY), 'day');
}

export function formatBytes(size: number, language: string): string {
  const [value, unit] =
    size >= 1_048_576
      ? [size / 1_048_576, 'megabyte']
      : size >= 1024
        ? [size / 1024, 'kilobyte']
        : [size, 'byte'];
  return numberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** The current time, refreshed every `interval` ms, so relative times move on. */
export function useNow(interval = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(timer);
  }, [interval]);
  return now;
}

export function useLanguage(): string {
  return useTranslation().i18n.language;
}
