import { InvalidInput } from '@svara/common';
import { replyMailboxProblem } from './reply-mailboxes';
import { replyChannelIdOf, webFormSettings } from './web-form-settings';

const MAILBOX_ID = '7D3C3C57-4A8E-4D43-9A49-0E5B3F5D9A01';

describe('web-form settings', () => {
  it('keeps the allowed sites and the mailbox replies go out through', () => {
    expect(
      webFormSettings({
        config: { allowedOrigins: ['https://kommun.se'], replyChannelId: MAILBOX_ID },
        secrets: {},
      }),
    ).toEqual({
      config: { allowedOrigins: ['https://kommun.se'], replyChannelId: MAILBOX_ID.toLowerCase() },
      secrets: {},
    });
  });

  it.each([undefined, null, ''])('%j as the mailbox means replies from MAIL_FROM', (value) => {
    expect(webFormSettings({ config: { replyChannelId: value }, secrets: {} })).toEqual({
      config: {},
      secrets: {},
    });
  });

  it.each([42, 'kommun@kommun.se', 'not-a-uuid', ['x']])(
    'refuses %j as the mailbox, naming the field',
    (value) => {
      expect(() => webFormSettings({ config: { replyChannelId: value }, secrets: {} })).toThrow(
        new InvalidInput('config.replyChannelId must be the id of an e-mail channel'),
      );
    },
  );

  it('still refuses settings a web form does not have', () => {
    expect(() => webFormSettings({ config: { address: 'a@b.se' }, secrets: {} })).toThrow(
      new InvalidInput('config.address is not a WEB_FORM setting'),
    );
  });

  it('reads the mailbox back from a stored config', () => {
    expect(replyChannelIdOf({ replyChannelId: 'abc' })).toBe('abc');
    expect(replyChannelIdOf({ allowedOrigins: [] })).toBeUndefined();
    expect(replyChannelIdOf(null)).toBeUndefined();
  });
});

describe('replyMailboxProblem', () => {
  it('takes an e-mail channel', () => {
    expect(replyMailboxProblem({ type: 'EMAIL' })).toBeNull();
  });

  it('says why another channel cannot send the replies', () => {
    expect(replyMailboxProblem(null)).toBe('there is no such channel');
    expect(replyMailboxProblem({ type: 'WEB_FORM' })).toBe(
      'it is a WEB_FORM channel, not an e-mail channel',
    );
    expect(replyMailboxProblem({ type: 'FACEBOOK_PAGE' })).toBe(
      'it is a FACEBOOK_PAGE channel, not an e-mail channel',
    );
  });
});
