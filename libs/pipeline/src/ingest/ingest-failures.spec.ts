import { isItemFailure } from './ingest-failures';

describe('isItemFailure', () => {
  it.each([
    ['22P05', true], // untranslatable character (NUL in text)
    ['22021', true], // invalid byte sequence
    ['23502', true], // not-null violation
    ['54000', true], // index row too large
    ['23505', false], // unique key: a race, settled by the next attempt
    ['40P01', false], // deadlock
    ['57P01', false], // server shutting down
    ['08006', false], // connection failure
    ['ECONNREFUSED', false],
  ])('%s → %s', (code, expected) => {
    expect(isItemFailure(Object.assign(new Error('x'), { code }))).toBe(expected);
  });

  it("counts RangeError and TypeError (code meeting odd data) as the item's", () => {
    expect(isItemFailure(new RangeError('Invalid time value'))).toBe(true);
    expect(isItemFailure(new TypeError('Cannot read properties of undefined'))).toBe(true);
  });

  it('counts other errors without a code as passing', () => {
    expect(isItemFailure(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
