import { wellFormedDeep, wellFormedJson, wellFormedText } from './well-formed-text';

describe('wellFormedText', () => {
  it('drops NUL and replaces unpaired surrogates with U+FFFD', () => {
    expect(wellFormedText('a\u0000b')).toBe('ab');
    expect(wellFormedText('x\ud800y')).toBe('x\ufffdy');
    expect(wellFormedText('x\udc00')).toBe('x\ufffd');
  });

  it('keeps paired surrogates (emoji) and ordinary text as they are', () => {
    expect(wellFormedText('Hej 👋 åäö')).toBe('Hej 👋 åäö');
  });
});

describe('wellFormedDeep', () => {
  it('cleans strings and keys at any depth without touching the input', () => {
    const input = { a: ['ok', 'n\u0000ul', { 'k\ud800': 'v\udfff' }], n: 1, d: null };
    expect(wellFormedDeep(input)).toEqual({
      a: ['ok', 'nul', { 'k\ufffd': 'v\ufffd' }],
      n: 1,
      d: null,
    });
    expect(input.a[1]).toBe('n\u0000ul');
  });

  it('walks 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    let result = wellFormedDeep(deep);
    for (let level = 0; level < 100_000; level += 1) result = (result as unknown[])[0];
    expect(result).toBe('x');
  });
});

describe('wellFormedJson', () => {
  it('writes storable JSON and leaves clean values as JSON.stringify does', () => {
    expect(wellFormedJson([{ text: 'a\u0000b\ud800' }])).toBe('[{"text":"ab\ufffd"}]');
    const clean = [{ text: 'Hej 👋 \\u0000 as typed' }];
    expect(wellFormedJson(clean)).toBe(JSON.stringify(clean));
  });

  it('returns a clean value itself, not a copy', () => {
    const value = { a: ['b'] };
    expect(wellFormedDeep(value)).toBe(value);
  });
});
