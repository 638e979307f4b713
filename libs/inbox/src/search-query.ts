import { InvalidInput } from '@svara/common';

const MAX_WORDS = 10;

/**
 * A user's search text as a Postgres tsquery on the 'simple' configuration:
 * every word must occur, each as a prefix, so "sophämtning" finds
 * "sophämtningen" and "bygglov" finds "bygglovsansökan". Only letters and
 * digits reach the query, so no input can change its syntax.
 */
export function prefixTsQuery(text: string): string {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) throw new InvalidInput('q must contain at least one word');
  return words.map((word) => `${word}:*`).join(' & ');
}
