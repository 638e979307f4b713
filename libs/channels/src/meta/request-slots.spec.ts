import { RequestSlots } from './request-slots';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Work that ends when the test says. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('RequestSlots', () => {
  it('runs at most its size at a time, the rest in the order they came', async () => {
    const slots = new RequestSlots(2);
    const started: number[] = [];
    const works = [0, 1, 2, 3].map(() => pending());
    const runs = works.map((work, index) =>
      slots.run(async () => {
        started.push(index);
        await work.done;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    works[1]!.finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(slots.busy).toBe(2);
    works[0]!.finish();
    works[2]!.finish();
    works[3]!.finish();
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(slots.busy).toBe(0);
  });

  it('starts work asked for ahead before the work that waits', async () => {
    const slots = new RequestSlots(1);
    const started: string[] = [];
    const first = pending();
    const runs = [
      slots.run(async () => {
        started.push('first');
        await first.done;
      }),
      slots.run(async () => void started.push('waiting')),
      slots.run(async () => void started.push('ahead'), true),
    ];
    await settle();
    first.finish();
    await Promise.all(runs);
    expect(started).toEqual(['first', 'ahead', 'waiting']);
  });

  it('frees the slot of work that failed', async () => {
    const slots = new RequestSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });

  it('starts nothing new while more run than a smaller size allows, and more once it grows', async () => {
    const slots = new RequestSlots(3);
    const works = [0, 1, 2, 3, 4].map(() => pending());
    const started: number[] = [];
    const runs = works.map((work, index) =>
      slots.run(async () => {
        started.push(index);
        await work.done;
      }),
    );
    await settle();
    slots.resize(1);
    works[0]!.finish();
    works[1]!.finish();
    await settle();
    // Two still ran (2 of the first three finished → one running), so none started.
    expect(started).toEqual([0, 1, 2]);
    works[2]!.finish();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    slots.resize(3);
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    works[3]!.finish();
    works[4]!.finish();
    await Promise.all(runs);
  });
});
