import { depthExceeds } from './body-depth';

const nested = (levels: number): unknown => {
  let value: unknown = {};
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
};

describe('depthExceeds', () => {
  it('counts objects and arrays as levels, not plain values', () => {
    expect(depthExceeds({ a: 1, b: 'x' }, 1)).toBe(false);
    expect(depthExceeds({ a: [1] }, 1)).toBe(true);
    expect(depthExceeds('text', 0)).toBe(false);
    expect(depthExceeds(undefined, 0)).toBe(false);
  });

  it('allows exactly the limit and refuses one more', () => {
    expect(depthExceeds(nested(32), 32)).toBe(false);
    expect(depthExceeds(nested(33), 32)).toBe(true);
  });

  it('walks a body 100,000 levels deep without overflowing the stack', () => {
    expect(depthExceeds(nested(100_000), 32)).toBe(true);
  });
});
