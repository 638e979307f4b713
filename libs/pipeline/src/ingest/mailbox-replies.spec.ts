import { withMailboxReplies } from './mailbox-replies';

describe('withMailboxReplies', () => {
  it("adds the threads of the web forms' replies a mail refers to", () => {
    const placed = withMailboxReplies(
      new Map([['first@medborgare.test', 'mail-thread']]),
      new Map([['svara.k3x9q2m7w4ab@kommun.se', 'form-thread']]),
    );
    expect(Object.fromEntries(placed)).toEqual({
      'first@medborgare.test': 'mail-thread',
      'svara.k3x9q2m7w4ab@kommun.se': 'form-thread',
    });
  });

  it("lets the mailbox's own message decide where an id is found in both", () => {
    const placed = withMailboxReplies(
      new Map([['same@kommun.se', 'mail-thread']]),
      new Map([['same@kommun.se', 'form-thread']]),
    );
    expect(placed.get('same@kommun.se')).toBe('mail-thread');
  });

  it('finds nothing for references neither holds', () => {
    expect(withMailboxReplies(new Map(), new Map()).size).toBe(0);
  });
});
