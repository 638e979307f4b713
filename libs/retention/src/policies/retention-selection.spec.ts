import { closedBeforeFor, dueThreads } from './retention-selection';

describe('retention selection', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('takes threads closed more than afterDays ago', () => {
    expect(closedBeforeFor({ afterDays: 30 }, now)).toEqual(new Date('2026-10-23T10:00:00Z'));
  });

  it('narrows by channel type and tags only when given', () => {
    const closedBefore = closedBeforeFor({ afterDays: 1 }, now);
    expect(
      dueThreads({ action: 'DELETE', afterDays: 1, channelTypes: [], tags: [] }, closedBefore),
    ).toEqual({ status: 'CLOSED', closedAt: { lt: closedBefore } });
    expect(
      dueThreads(
        { action: 'ANONYMIZE', afterDays: 1, channelTypes: ['EMAIL'], tags: ['bygglov'] },
        closedBefore,
      ),
    ).toEqual({
      status: 'CLOSED',
      closedAt: { lt: closedBefore },
      channel: { type: { in: ['EMAIL'] } },
      tags: { hasSome: ['bygglov'] },
      anonymizedAt: null,
    });
  });
});
