import { openedBy, type StoredMessage, type ThreadActivity, withMessages } from './thread-activity';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
const citizen = (minute: number, extra: Partial<StoredMessage> = {}): StoredMessage => ({
  direction: 'INBOUND',
  automatic: false,
  sentAt: at(minute),
  containsIdentityNumber: false,
  ...extra,
});
const answer = (minute: number): StoredMessage => ({ ...citizen(minute), direction: 'OUTBOUND' });
const thread = (fields: Partial<ThreadActivity> = {}): ThreadActivity => ({
  ...openedBy(citizen(0)),
  messageCount: 1,
  lastInboundAt: at(0),
  ...fields,
});

describe('thread activity', () => {
  it('opens a thread for a citizen and a closed one for automatic mail', () => {
    expect(openedBy(citizen(5))).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(openedBy(citizen(5, { automatic: true }))).toMatchObject({
      status: 'CLOSED',
      closedAt: at(5),
    });
  });

  it('counts messages and keeps the latest times, whatever order they come in', () => {
    const after = withMessages(thread(), [citizen(30), answer(20), citizen(10), answer(25)]);
    expect(after).toMatchObject({
      messageCount: 5,
      lastMessageAt: at(30),
      lastInboundAt: at(30),
      lastOutboundAt: at(25),
    });
  });

  it('does not move the times back for a late copy of an old message', () => {
    const later = thread({ lastMessageAt: at(40), lastInboundAt: at(40), lastOutboundAt: at(35) });
    expect(withMessages(later, [citizen(10), answer(5)])).toMatchObject({
      messageCount: 3,
      lastMessageAt: at(40),
      lastInboundAt: at(40),
      lastOutboundAt: at(35),
    });
  });

  it('reopens a pending thread when the citizen writes', () => {
    expect(withMessages(thread({ status: 'PENDING' }), [citizen(10)]).status).toBe('OPEN');
    expect(withMessages(thread({ status: 'PENDING' }), [answer(10)]).status).toBe('PENDING');
  });

  it('reopens a closed thread only for a citizen message written after it closed', () => {
    const closed = thread({ status: 'CLOSED', closedAt: at(20) });
    expect(withMessages(closed, [citizen(30)])).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(withMessages(closed, [citizen(15)])).toMatchObject({
      status: 'CLOSED',
      closedAt: at(20),
    });
    expect(withMessages(closed, [answer(30)]).status).toBe('CLOSED');
    expect(withMessages(closed, [citizen(30, { automatic: true })]).status).toBe('CLOSED');
  });

  it('does not count automatic mail as the citizen writing', () => {
    const after = withMessages(thread(), [citizen(30, { automatic: true })]);
    expect(after).toMatchObject({ messageCount: 2, lastMessageAt: at(30), lastInboundAt: at(0) });
  });

  it('flags the thread once a message holds an identity number, and keeps the flag', () => {
    const flagged = withMessages(thread(), [citizen(10, { containsIdentityNumber: true })]);
    expect(flagged.containsIdentityNumber).toBe(true);
    expect(withMessages(flagged, [citizen(20)]).containsIdentityNumber).toBe(true);
  });
});
