/**
 * Personal identity numbers of the Nordic countries Svara serves, found in
 * free text. Each candidate must have a real date and pass its country's
 * check digits, so phone numbers, dates and order numbers are left alone.
 */
export type IdentityNumberKind =
  | 'SE_PERSONNUMMER'
  | 'SE_SAMORDNINGSNUMMER'
  | 'NO_FODSELSNUMMER'
  | 'NO_D_NUMMER'
  | 'FI_HENKILOTUNNUS';

export interface IdentityNumberMatch {
  kind: IdentityNumberKind;
  /** Offsets into the searched text: `text.slice(start, end)` is the number as written. */
  start: number;
  end: number;
}

/** What a number is replaced with wherever it must not be shown: no digit of it survives. */
export const IDENTITY_NUMBER_MASK = '[identity number]';

const isValidDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

const digitsOf = (value: string): number[] => [...value].map(Number);

/** Luhn (mod 10) over the digits, the last one being the check digit. */
const passesLuhn = (digits: number[]): boolean => {
  let sum = 0;
  digits
    .slice()
    .reverse()
    .forEach((digit, index) => {
      const weighted = index % 2 === 1 ? digit * 2 : digit;
      sum += weighted > 9 ? weighted - 9 : weighted;
    });
  return sum % 10 === 0;
};

// Numbers never touch letters or other digits: "ORD8112189876" is an order number.
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

// YYYYMMDD-NNNC, YYMMDD-NNNC, YYMMDD+NNNC (over 100 years old), or without separator.
const SWEDISH = new RegExp(`${BEFORE}(\\d{2})?(\\d{6})([-+]?)(\\d{4})${AFTER}`, 'gu');

function swedishKind(century: string | undefined, date: string, serial: string) {
  if (!passesLuhn(digitsOf(date + serial))) return undefined;
  const [yy, mm, dd] = [0, 2, 4].map((at) => Number(date.slice(at, at + 2))) as [
    number,
    number,
    number,
  ];
  if (century !== undefined && !['18', '19', '20'].includes(century)) return undefined;
  // Without a century, 20yy has every leap day 19yy has (2000 was one, 1900 was not).
  const year = Number(century ?? '20') * 100 + yy;
  if (isValidDate(year, mm, dd)) return 'SE_PERSONNUMMER' as const;
  // A samordningsnummer adds 60 to the day.
  if (dd > 60 && isValidDate(year, mm, dd - 60)) return 'SE_SAMORDNINGSNUMMER' as const;
  return undefined;
}

// DDMMYYIIIKK, sometimes written with a space before the personal number.
const NORWEGIAN = new RegExp(`${BEFORE}(\\d{6}) ?(\\d{5})${AFTER}`, 'gu');

const mod11 = (digits: number[], weights: number[]): number | undefined => {
  const sum = weights.reduce((total, weight, index) => total + weight * digits[index]!, 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
};

function norwegianYear(yy: number, individual: number): number | undefined {
  if (individual < 500) return 1900 + yy;
  if (individual < 750 && yy >= 54) return 1800 + yy;
  if (yy < 40) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return undefined;
}

function norwegianKind(date: string, personal: string) {
  const digits = digitsOf(date + personal);
  const k1 = mod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod11(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k1 !== digits[9] || k2 !== digits[10]) return undefined;
  const [dd, mm, yy] = [0, 2, 4].map((at) => Number(date.slice(at, at + 2))) as [
    number,
    number,
    number,
  ];
  const year = norwegianYear(yy, Number(personal.slice(0, 3)));
  if (year === undefined) return undefined;
  if (isValidDate(year, mm, dd)) return 'NO_FODSELSNUMMER' as const;
  // A D-nummer adds 40 to the day.
  if (dd > 40 && isValidDate(year, mm, dd - 40)) return 'NO_D_NUMMER' as const;
  return undefined;
}

// DDMMYY, century sign, individual number, check character.
const FINNISH = new RegExp(`${BEFORE}(\\d{6})([-+A-FU-Y])(\\d{3})([0-9A-Y])${AFTER}`, 'giu');
const FINNISH_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

function finnishCentury(sign: string): number {
  if (sign === '+') return 1800;
  if ('-YXWVU'.includes(sign)) return 1900;
  return 2000;
}

function isFinnish(date: string, sign: string, individual: string, check: string): boolean {
  if (Number(individual) < 2) return false;
  if (FINNISH_CHECK[Number(date + individual) % 31] !== check.toUpperCase()) return false;
  const [dd, mm, yy] = [0, 2, 4].map((at) => Number(date.slice(at, at + 2))) as [
    number,
    number,
    number,
  ];
  return isValidDate(finnishCentury(sign.toUpperCase()) + yy, mm, dd);
}

function* candidates(text: string): Generator<IdentityNumberMatch> {
  for (const m of text.matchAll(SWEDISH)) {
    const kind = swedishKind(m[1], m[2]!, m[4]!);
    if (kind) yield { kind, start: m.index, end: m.index + m[0].length };
  }
  for (const m of text.matchAll(NORWEGIAN)) {
    const kind = norwegianKind(m[1]!, m[2]!);
    if (kind) yield { kind, start: m.index, end: m.index + m[0].length };
  }
  for (const m of text.matchAll(FINNISH)) {
    if (isFinnish(m[1]!, m[2]!, m[3]!, m[4]!))
      yield { kind: 'FI_HENKILOTUNNUS', start: m.index, end: m.index + m[0].length };
  }
}

/** Every format holds six digits in a row: text without them is passed over at once. */
const SIX_DIGITS = /\d{6}/;

/** Every identity number in the text, in order; where two readings overlap, the earlier one. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  if (!SIX_DIGITS.test(text)) return [];
  const sorted = [...candidates(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentityNumberMatch[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}

export function containsIdentityNumber(text: string | null | undefined): boolean {
  return !!text && findIdentityNumbers(text).length > 0;
}

/** The text with every identity number replaced by {@link IDENTITY_NUMBER_MASK}. */
export function maskIdentityNumbers(text: string): string;
export function maskIdentityNumbers(text: string | null): string | null;
export function maskIdentityNumbers(text: string | null): string | null {
  if (!text) return text;
  let masked = '';
  let from = 0;
  for (const match of findIdentityNumbers(text)) {
    masked += text.slice(from, match.start) + IDENTITY_NUMBER_MASK;
    from = match.end;
  }
  return masked + text.slice(from);
}
