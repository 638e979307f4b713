import { channelProblemOf } from './channel-problem';

describe('channelProblemOf', () => {
  it.each([
    ['The IMAP server refused the user name or password', 'IMAP_LOGIN_REFUSED'],
    ['The SMTP server refused the user name or password', 'SMTP_LOGIN_REFUSED'],
    ["The mailbox does not exist: Mailbox doesn't exist: Arkiv", 'MAILBOX_MISSING'],
    ['No secure connection to the IMAP server', 'TLS_FAILED'],
    ['The source could not be reached: self-signed certificate', 'TLS_FAILED'],
    ['The source could not be reached: getaddrinfo ENOTFOUND imap.kommun.test', 'HOST_NOT_FOUND'],
    ['connect ECONNREFUSED 127.0.0.1:993', 'CONNECTION_REFUSED'],
    ['Connection timed out', 'TIMEOUT'],
    [
      'The access token is invalid or expired. Meta Graph API: Session has expired (code 190, subcode 463)',
      'TOKEN_EXPIRED',
    ],
    [
      'The access token lacks a permission Svara needs. Meta Graph API: (#10)',
      'PERMISSION_MISSING',
    ],
    [
      "The token is for Kommunen (42), not Page 1234; use the Page's own access token",
      'WRONG_ACCOUNT',
    ],
    ['Meta Graph API: Application request limit reached (code 4)', 'RATE_LIMITED'],
    ['This channel has no secrets.pageAccessToken; an admin must set it', 'SETTING_MISSING'],
    ['Meta Graph API: HTTP 503', 'SOURCE_UNAVAILABLE'],
    ['Something nobody expected', 'UNKNOWN'],
  ])('reads %j as %s', (message, problem) => {
    expect(channelProblemOf(message)).toBe(problem);
  });

  it('says nothing when there is no error', () => {
    expect(channelProblemOf(null)).toBeNull();
    expect(channelProblemOf('')).toBeNull();
  });
});
