import { InvalidInput } from '@svara/common';

const MAX_WORDS = 10;

/** A user's search text as the lower-cased words it holds: only letters and digits count. */
export function searchWords(text: string): string[] {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) throw new InvalidInput('q must contain at least one word');
  return words;
}

/**
 * A user's search text as a Postgres tsquery on the 'simple' configuration:
 * every word must occur, each as a prefix, so "sophämtning" finds
 * "sophämtningen" and "bygglov" finds "bygglovsansökan". Only letters and
 * digits reach the query, so no input can change its syntax.
 */
export function prefixTsQuery(text: string): string {
  return prefixQueryOf(searchWords(text));
}

/** Words (see searchWords) as a tsquery that every one of them must match as a prefix. */
export function prefixQueryOf(words: string[]): string {
  return words.map((word) => `${word}:*`).join(' & ');
}

/** A full-text search: what a match must hold, and the part the indexes are asked for. */
export interface TextSearch {
  /** Every word, each as a prefix (see prefixTsQuery). */
  query: string;
  /**
   * One of the words, as a prefix: the text-search indexes list its matches,
   * and the whole query is checked on those. For a prefix shared by most
   * texts ("ärende" in a case number search) the index would otherwise
   * collect millions of matches to intersect with a handful.
   */
  lookup: string;
}

/** Every word looked up in the indexes at once. */
export function plainSearch(text: string): TextSearch {
  const query = prefixTsQuery(text);
  return { query, lookup: query };
}

/**
 * The word held by the fewest texts, by `shareOf` (the share of texts
 * holding a word that starts with it); the longest of equally rare words.
 */
export function rarestWord(words: string[], shareOf: (prefix: string) => number): string {
  return words
    .map((word) => ({ word, share: shareOf(word) }))
    .sort((a, b) => a.share - b.share || b.word.length - a.word.length)[0]!.word;
}
