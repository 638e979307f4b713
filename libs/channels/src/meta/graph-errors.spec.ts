import {
  ChannelAuthFailed,
  ChannelRateLimited,
  goneItemIs,
  SendRefused,
  SourceItemGone,
} from '../channel-errors';
import {
  DEFAULT_THROTTLE_MS,
  GraphRequestFailed,
  OUTSIDE_WINDOW_MESSAGE,
  graphErrorOf,
  readUsage,
  usagePauseMs,
} from './graph-errors';

const error = (code: number, extra: object = {}) => ({
  error: {
    message: `(#${code}) something`,
    type: 'OAuthException',
    code,
    fbtrace_id: 'x',
    ...extra,
  },
});

describe('graphErrorOf', () => {
  it.each([4, 17, 32, 613])('reads code %i as throttling', (code) => {
    expect(graphErrorOf(400, error(code), {}, 'read')).toBeInstanceOf(ChannelRateLimited);
  });

  it('waits as long as Meta estimates, or Retry-After says, or a default', () => {
    const buc = {
      'x-business-use-case-usage': JSON.stringify({
        '101': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 7 }],
      }),
    };
    expect((graphErrorOf(400, error(32), buc, 'read') as ChannelRateLimited).retryAfterMs).toBe(
      7 * 60_000,
    );
    expect(
      (graphErrorOf(429, {}, { 'retry-after': '90' }, 'read') as ChannelRateLimited).retryAfterMs,
    ).toBe(90_000);
    expect((graphErrorOf(400, error(4), {}, 'read') as ChannelRateLimited).retryAfterMs).toBe(
      DEFAULT_THROTTLE_MS,
    );
  });

  it('reads 190 as an invalid token, with Meta’s reason', () => {
    const mapped = graphErrorOf(
      400,
      error(190, { error_subcode: 463, message: 'Session has expired' }),
      {},
      'read',
    );
    expect(mapped).toBeInstanceOf(ChannelAuthFailed);
    expect(mapped.message).toContain('Session has expired (code 190, subcode 463)');
  });

  it('reads missing permissions as a credentials problem', () => {
    expect(graphErrorOf(403, error(200), {}, 'read')).toBeInstanceOf(ChannelAuthFailed);
    expect(graphErrorOf(400, error(10), {}, 'read')).toBeInstanceOf(ChannelAuthFailed);
  });

  it('refuses a reply outside the 24-hour window with a message for the agent', () => {
    const mapped = graphErrorOf(400, error(10, { error_subcode: 2018278 }), {}, 'send');
    expect(mapped).toEqual(new SendRefused(OUTSIDE_WINDOW_MESSAGE));
    const bySubcodeless = graphErrorOf(
      400,
      error(10, { message: '(#10) This message is sent outside of allowed window.' }),
      {},
      'send',
    );
    expect(bySubcodeless).toEqual(new SendRefused(OUTSIDE_WINDOW_MESSAGE));
  });

  it('leaves 5xx, transient and unknown answers to be retried', () => {
    for (const mapped of [
      graphErrorOf(500, error(2), {}, 'read'),
      graphErrorOf(503, 'Service Unavailable', {}, 'send'),
      graphErrorOf(400, error(1, { is_transient: true }), {}, 'send'),
      graphErrorOf(400, error(100), {}, 'read'),
    ]) {
      expect(mapped).toBeInstanceOf(GraphRequestFailed);
    }
  });

  it('refuses a send Meta rejects for good', () => {
    const refused = graphErrorOf(400, error(100), {}, 'send');
    expect(refused).toBeInstanceOf(SendRefused);
    expect(refused).not.toBeInstanceOf(SourceItemGone);
  });

  it('tells a comment that no longer exists from other refusals, naming it once the adapter knows', () => {
    const gone = graphErrorOf(400, error(100, { error_subcode: 33 }), {}, 'send');
    expect(gone).toBeInstanceOf(SourceItemGone);
    expect(gone.message).toMatch(/no longer exists on Meta/);
    let named: unknown;
    try {
      goneItemIs('1789_42')(gone);
    } catch (error) {
      named = error;
    }
    expect(named).toEqual(
      expect.objectContaining({ externalId: '1789_42', message: gone.message }),
    );
    // A read of a missing object is no send to refuse: the poller decides what it means.
    expect(graphErrorOf(400, error(100, { error_subcode: 33 }), {}, 'read')).toBeInstanceOf(
      GraphRequestFailed,
    );
  });
});

describe('usage headers', () => {
  it('takes the highest of app, page and business use case usage', () => {
    expect(
      readUsage({
        'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":40}',
        'x-page-usage': '{"call_count":96}',
      }),
    ).toEqual({ percent: 96, regainMs: 0 });
    expect(readUsage({ 'x-app-usage': 'not json' })).toEqual({ percent: 0, regainMs: 0 });
  });

  it('pauses near the limit, and as long as Meta says when it gives a time', () => {
    expect(usagePauseMs({ percent: 50, regainMs: 0 })).toBe(0);
    expect(usagePauseMs({ percent: 97, regainMs: 0 })).toBe(DEFAULT_THROTTLE_MS);
    expect(usagePauseMs({ percent: 100, regainMs: 180_000 })).toBe(180_000);
  });
});
