import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score (0-4) a password needs: 3 is "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;

// Built on first use: the dictionaries are large and most processes never set a password.
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

const WHY: Record<string, string> = {
  userInputs: 'it is close to the e-mail address or name',
  topTen: 'it is one of the most common passwords',
  topHundred: 'it is a very common password',
  common: 'it is a common password',
  similarToCommon: 'it is close to a common password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is only names',
  commonNames: 'it is only common names',
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence',
  recentYears: 'it is made of recent years',
  dates: 'it is made of a date',
};

/** Who the password is for: what it must not be close to. */
export interface PasswordOwner {
  email?: string;
  name?: string;
}

function ownerWords({ email, name }: PasswordOwner): string[] {
  const local = email?.split('@')[0];
  const words = [email, local, name, ...(local?.split(/[^\p{L}\p{N}]+/u) ?? [])];
  words.push(...(name?.split(/\s+/) ?? []));
  return words.filter((word): word is string => Boolean(word && word.length > 1));
}

/**
 * Why `password` may not be used, as a message naming `field`, or undefined
 * when it may: blank, shorter than 12 characters, or guessable (zxcvbn score
 * below 3, counting the owner's e-mail and name as known words).
 */
export function passwordWeakness(
  field: string,
  password: string,
  owner: PasswordOwner = {},
): string | undefined {
  if (password.trim() === '') return `${field} must not be blank`;
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const result = zxcvbn().check(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = WHY[result.feedback.warning ?? ''];
  return (
    `${field} is too easy to guess${why ? ` (${why})` : ''}: ` +
    'use a longer passphrase of several unrelated words'
  );
}
