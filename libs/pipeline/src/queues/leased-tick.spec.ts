import { Logger } from '@nestjs/common';
import type { LeaderLease } from './leader-lease';
import { LeasedTick } from './leased-tick';

function tickWith(held: boolean) {
  const lease = { acquire: async () => held, release: async () => undefined };
  const logger = new Logger('test');
  const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  return { tick: new LeasedTick(lease as unknown as LeaderLease, logger, 'the sweep'), warn };
}

describe('LeasedTick', () => {
  it('works only while this replica holds the lease', async () => {
    const work = jest.fn(async () => undefined);
    await tickWith(false).tick.run(work);
    expect(work).not.toHaveBeenCalled();
    await tickWith(true).tick.run(work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('skips a tick while the previous one still runs', async () => {
    const { tick } = tickWith(true);
    let finish!: () => void;
    const work = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = tick.run(work);
    await tick.run(work);
    await new Promise((resolve) => setImmediate(resolve));
    finish();
    await first;
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('logs a failure and lets the next tick run', async () => {
    const { tick, warn } = tickWith(true);
    await tick.run(async () => {
      throw new Error('Postgres is down');
    });
    expect(warn).toHaveBeenCalledWith({ err: 'Postgres is down' }, 'the sweep failed');
    const work = jest.fn(async () => undefined);
    await tick.run(work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
