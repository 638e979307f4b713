import {
  ChannelAuthFailed,
  ChannelError,
  ChannelRateLimited,
  SendRefused,
  SourceItemGone,
} from '../channel-errors';
import type { GraphErrorBody } from './graph-types';

/** Graph error codes that mean "slow down" (application, user, page and custom limits). */
const THROTTLED_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80004, 80006]);
/** Temporary trouble on Meta's side: retry. */
const TEMPORARY_CODES = new Set([1, 2]);
const TOKEN_INVALID_CODES = new Set([190, 102]);
/** Messenger's "sent outside of allowed window" (the 24-hour rule). */
const OUTSIDE_WINDOW_SUBCODE = 2018278;
/** "Object with ID … does not exist, cannot be loaded due to missing permissions, …" */
const NO_SUCH_OBJECT = { code: 100, subcode: 33 };

/** Usage at or above this percentage makes Svara pause before Meta starts refusing. */
export const USAGE_CEILING_PERCENT = 95;
/** How long to pause when Meta throttles without saying for how long. */
export const DEFAULT_THROTTLE_MS = 5 * 60_000;

export const OUTSIDE_WINDOW_MESSAGE =
  'Meta only allows replies within 24 hours of the person’s last message; ' +
  'this conversation is past that window, so the reply was not sent.';

/** What a request does, which decides how a refusal is read. */
export type GraphPurpose = 'read' | 'send';

/** A Graph error that is none of the channel errors: retried with backoff. */
export class GraphRequestFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'GraphRequestFailed';
  }
}

export interface GraphUsage {
  /** Highest percentage among X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage. */
  percent: number;
  /** Meta's estimate until access is regained (X-Business-Use-Case-Usage), in ms. */
  regainMs: number;
}

type Headers = Record<string, unknown>;

function parseJsonHeader(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function highestPercent(usage: unknown): number {
  if (!usage || typeof usage !== 'object') return 0;
  const record = usage as Record<string, unknown>;
  return Math.max(
    0,
    ...['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct']
      .map((key) => record[key])
      .filter((value): value is number => typeof value === 'number' && Number.isFinite(value)),
  );
}

/** Reads Meta's usage headers; absent headers mean usage near zero. */
export function readUsage(headers: Headers): GraphUsage {
  let percent = Math.max(
    highestPercent(parseJsonHeader(headers['x-app-usage'])),
    highestPercent(parseJsonHeader(headers['x-page-usage'])),
    highestPercent(parseJsonHeader(headers['x-ad-account-usage'])),
  );
  let regainMinutes = 0;
  const businessUseCase = parseJsonHeader(headers['x-business-use-case-usage']);
  if (businessUseCase && typeof businessUseCase === 'object') {
    for (const entries of Object.values(businessUseCase as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as Record<string, unknown>[]) {
        percent = Math.max(percent, highestPercent(entry));
        const regain = entry?.estimated_time_to_regain_access;
        if (typeof regain === 'number' && regain > regainMinutes) regainMinutes = regain;
      }
    }
  }
  return { percent, regainMs: regainMinutes * 60_000 };
}

/** How long to wait after a throttling answer: Retry-After, Meta's estimate, or a default. */
export function throttleDelayMs(headers: Headers, usage: GraphUsage): number {
  const retryAfter = Number(headers['retry-after']);
  const fromHeader = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
  return Math.max(fromHeader, usage.regainMs) || DEFAULT_THROTTLE_MS;
}

/**
 * When a successful answer says usage is near Meta's limit, how long to pause
 * further reads of this channel (0: no need).
 */
export function usagePauseMs(usage: GraphUsage): number {
  if (usage.regainMs > 0) return usage.regainMs;
  return usage.percent >= USAGE_CEILING_PERCENT ? DEFAULT_THROTTLE_MS : 0;
}

function describe(status: number, error: GraphErrorBody | undefined): string {
  if (!error) return `HTTP ${status}`;
  const codes = [
    error.code !== undefined ? `code ${error.code}` : undefined,
    error.error_subcode !== undefined ? `subcode ${error.error_subcode}` : undefined,
  ].filter(Boolean);
  return `${error.message ?? `HTTP ${status}`}${codes.length ? ` (${codes.join(', ')})` : ''}`;
}

/** Maps a Graph error answer onto what pollers and senders react to (channel-errors.ts). */
export function graphErrorOf(
  status: number,
  body: unknown,
  headers: Headers,
  purpose: GraphPurpose,
): ChannelError | GraphRequestFailed {
  const error =
    body && typeof body === 'object' && 'error' in body
      ? ((body as { error?: GraphErrorBody }).error ?? undefined)
      : undefined;
  const code = error?.code;
  const what = `Meta Graph API: ${describe(status, error)}`;

  if (status === 429 || (code !== undefined && THROTTLED_CODES.has(code))) {
    return new ChannelRateLimited(what, throttleDelayMs(headers, readUsage(headers)));
  }
  if (code !== undefined && TOKEN_INVALID_CODES.has(code)) {
    return new ChannelAuthFailed(`The access token is invalid or expired. ${what}`);
  }
  const outsideWindow =
    error?.error_subcode === OUTSIDE_WINDOW_SUBCODE ||
    /outside of allowed window/i.test(error?.message ?? '');
  if (purpose === 'send' && outsideWindow) return new SendRefused(OUTSIDE_WINDOW_MESSAGE);
  if (
    purpose === 'send' &&
    code === NO_SUCH_OBJECT.code &&
    error?.error_subcode === NO_SUCH_OBJECT.subcode
  ) {
    return new SourceItemGone(
      `It no longer exists on Meta: its author or Meta removed it. ${what}`,
    );
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return new ChannelAuthFailed(`The access token lacks a permission Svara needs. ${what}`);
  }
  const temporary =
    status >= 500 ||
    error?.is_transient === true ||
    (code !== undefined && TEMPORARY_CODES.has(code));
  if (!temporary && purpose === 'send' && status >= 400 && status < 500) {
    return new SendRefused(`Meta refused the message. ${what}`);
  }
  return new GraphRequestFailed(what, status, code);
}
