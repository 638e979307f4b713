import { InvalidInput } from '@svara/common';
import { prefixTsQuery } from './search-query';

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
