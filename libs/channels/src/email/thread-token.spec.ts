import { outgoingMessageId, replySubject, threadToken, tokenReference } from './thread-token';

describe('thread token', () => {
  it('is stable per message, so a retried send keeps its Message-ID', () => {
    expect(threadToken('7b0c…')).toBe(threadToken('7b0c…'));
    expect(threadToken('a')).not.toBe(threadToken('b'));
    expect(threadToken('a')).toMatch(/^[a-z0-9]{12}$/);
  });

  it('round-trips through the subject of a reply to the reply', () => {
    const token = threadToken('message-1');
    const subject = replySubject('SV: Re: Sophämtning [#000000000000]', token);
    expect(subject).toBe(`Re: Sophämtning [#${token}]`);
    expect(tokenReference(`SV: ${subject}`, 'Kommun@Kommun.se')).toBe(
      outgoingMessageId(token, 'kommun@kommun.se'),
    );
    expect(tokenReference('Sophämtning', 'kommun@kommun.se')).toBeUndefined();
  });
});
