/**
 * What went wrong with a channel, as one code an admin's page can put in
 * words. The stored error stays the source's own text (for support); the
 * code says what the admin should do about it.
 */
export const CHANNEL_PROBLEMS = [
  'IMAP_LOGIN_REFUSED',
  'SMTP_LOGIN_REFUSED',
  'MAILBOX_MISSING',
  'TLS_FAILED',
  'HOST_NOT_FOUND',
  'CONNECTION_REFUSED',
  'TIMEOUT',
  'TOKEN_EXPIRED',
  'PERMISSION_MISSING',
  'WRONG_ACCOUNT',
  'RATE_LIMITED',
  'SETTING_MISSING',
  'SOURCE_UNAVAILABLE',
  'UNKNOWN',
] as const;

export type ChannelProblem = (typeof CHANNEL_PROBLEMS)[number];

/** Most specific first: a TLS failure names the IMAP server too, but is not a login refusal. */
const PATTERNS: [ChannelProblem, RegExp][] = [
  ['IMAP_LOGIN_REFUSED', /IMAP server refused the user name or password/i],
  ['SMTP_LOGIN_REFUSED', /SMTP server refused the user name or password/i],
  ['MAILBOX_MISSING', /mailbox does not exist/i],
  [
    'TLS_FAILED',
    /no secure connection|certificate|\bSSL\b|\bTLS\b|STARTTLS|wrong version number|ERR_SSL|EPROTO/i,
  ],
  ['HOST_NOT_FOUND', /ENOTFOUND|EAI_AGAIN|getaddrinfo/i],
  ['CONNECTION_REFUSED', /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH/i],
  ['TIMEOUT', /timed? ?out|ETIMEDOUT|ETIMEOUT/i],
  ['TOKEN_EXPIRED', /access token is invalid or expired/i],
  ['PERMISSION_MISSING', /lacks a permission/i],
  ['WRONG_ACCOUNT', /the token is for .* not Page/i],
  ['RATE_LIMITED', /rate.?limit|too many|throttl|\(code (4|17|32|613)\b/i],
  ['SETTING_MISSING', /has no (config|secrets)\.\w+; an admin must set it/i],
  ['SOURCE_UNAVAILABLE', /HTTP 5\d\d|Meta Graph API|could not be reached/i],
];

/** The problem a stored error or a failed test describes; null when there is none. */
export function channelProblemOf(message: string | null | undefined): ChannelProblem | null {
  if (!message) return null;
  return PATTERNS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'UNKNOWN';
}
