import { InvalidInput } from '@svara/common';
import { plainSearch, prefixTsQuery, rarestWord, searchWords } from './search-query';

describe('prefixTsQuery', () => {
  it('matches every word as a prefix, lower-cased, Nordic letters kept', () => {
    expect(prefixTsQuery('Sophämtning Åre')).toBe('sophämtning:* & åre:*');
  });

  it("drops tsquery operators so input cannot change the query's meaning", () => {
    expect(prefixTsQuery("kärl' | !(x:*) & <->")).toBe('kärl:* & x:*');
  });

  it('refuses a search with no words', () => {
    expect(() => prefixTsQuery(' !? ')).toThrow(InvalidInput);
  });
});

describe('rarestWord', () => {
  const shares: Record<string, number> = { ärende: 0.98, ärenden: 0.4, soptunna: 0.01 };
  const shareOf = (prefix: string) =>
    Object.entries(shares)
      .filter(([word]) => word.startsWith(prefix))
      .reduce((sum, [, share]) => sum + share, 0);

  it('picks the word the fewest texts hold, as a prefix', () => {
    expect(rarestWord(['ärende', '12345'], shareOf)).toBe('12345');
    expect(rarestWord(['ärende', 'soptunna'], shareOf)).toBe('soptunna');
    // "ärend" matches "ärende" and "ärenden" both: commoner than "ärenden" alone.
    expect(rarestWord(['ärend', 'ärenden'], shareOf)).toBe('ärenden');
  });

  it('prefers the longer of words equally rare', () => {
    expect(rarestWord(['ab', 'abcdef', 'abc'], () => 0)).toBe('abcdef');
  });
});

describe('searchWords and plainSearch', () => {
  it('keeps at most ten lower-cased words', () => {
    expect(searchWords('A b C d e f g h i j k l')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
    ]);
  });

  it('looks every word up at once', () => {
    expect(plainSearch('Ärende 12345')).toEqual({
      query: 'ärende:* & 12345:*',
      lookup: 'ärende:* & 12345:*',
    });
  });
});
