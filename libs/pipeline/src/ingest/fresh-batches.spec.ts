import { FreshBatches } from './fresh-batches';

describe('FreshBatches', () => {
  let clock = 0;
  const fresh = () => new FreshBatches(2, 1000, () => clock);
  beforeEach(() => (clock = 0));

  it('hands a batch over once', () => {
    const batches = fresh();
    batches.put('a', [1, 2]);
    expect(batches.take('a')).toEqual([1, 2]);
    expect(batches.take('a')).toBeUndefined();
    expect(batches.take('never stored')).toBeUndefined();
  });

  it('keeps the older batches when full', () => {
    const batches = fresh();
    batches.put('a', [1]);
    batches.put('b', [2]);
    batches.put('c', [3]);
    expect(batches.take('c')).toBeUndefined();
    expect(batches.take('a')).toEqual([1]);
    batches.put('d', [4]);
    expect(batches.take('d')).toEqual([4]);
  });

  it('drops batches nobody took in time, making room for new ones', () => {
    const batches = fresh();
    batches.put('a', [1]);
    batches.put('b', [2]);
    clock = 1500;
    expect(batches.take('a')).toBeUndefined();
    batches.put('c', [3]);
    expect(batches.take('c')).toEqual([3]);
    expect(batches.take('b')).toBeUndefined();
  });
});
