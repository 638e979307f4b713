import type { OutgoingMessage } from '../channel-adapter';
import { SendRefused } from '../channel-errors';
import { replyMessageId, webFormReplyMail } from './web-form-reply';

const message: OutgoingMessage = {
  messageId: 'm1',
  queuedExternalId: 'svara-3f1c',
  text: 'Hej! Vi hämtar soporna i morgon.',
  thread: { id: 't1', externalId: 'f1', subject: 'Sophämtning' },
  recipient: { type: 'EMAIL', value: 'anna@example.se', displayName: 'Anna' },
  lastInbound: { externalId: 'f1', sentAt: new Date(), authorAddress: 'anna@example.se' },
  threadExternalIds: ['f1'],
  files: [],
  fileSent: async () => {},
};

describe('webFormReplyMail', () => {
  it("answers the submitter's address under the submission's subject", () => {
    expect(webFormReplyMail(message, 'svara@kommun.se')).toEqual({
      to: 'anna@example.se',
      subject: 'Re: Sophämtning',
      text: 'Hej! Vi hämtar soporna i morgon.',
      messageId: '<svara-3f1c@kommun.se>',
    });
  });

  it('falls back to a plain subject and the address on the submission', () => {
    const mail = webFormReplyMail(
      { ...message, recipient: null, thread: { ...message.thread, subject: null } },
      'svara@kommun.se',
    );
    expect(mail).toEqual(expect.objectContaining({ to: 'anna@example.se' }));
    expect(mail.subject).toBe('Svar på ditt meddelande');
  });

  it('refuses when there is no address to answer', () => {
    expect(() =>
      webFormReplyMail({ ...message, recipient: null, lastInbound: null }, 'svara@kommun.se'),
    ).toThrow(SendRefused);
  });
});

describe('replyMessageId', () => {
  it("is the queued id in MAIL_FROM's domain, and stays the same once sent under it", () => {
    const first = replyMessageId('svara-3f1c', 'Svar@Kommun.SE');
    expect(first).toBe('svara-3f1c@kommun.se');
    expect(replyMessageId(`<${first}>`, 'svara@kommun.se')).toBe(first);
  });
});
