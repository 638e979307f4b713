// Text from outside (forms, webhooks, polls, mail) can hold what Postgres text
// cannot (NUL) or what is not Unicode at all (a surrogate half without its
// pair). Both are made storable at the boundary, once, by these functions.

/** NUL, or a UTF-16 surrogate half (paired or not): the characters worth a second look. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const SUSPECT = /[\u0000\ud800-\udfff]/;

interface WellFormedString {
  toWellFormed(): string;
}

/** The text without NUL characters and with each unpaired surrogate replaced by U+FFFD. */
export function wellFormedText(value: string): string {
  if (!SUSPECT.test(value)) return value;
  return (value.replaceAll('\u0000', '') as unknown as WellFormedString).toWellFormed();
}

/** Whether any string (value or key) in the value holds NUL or a surrogate half. */
function holdsSuspect(value: object): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (SUSPECT.test(current)) return true;
    } else if (Array.isArray(current)) {
      for (const inner of current) stack.push(inner);
    } else if (typeof current === 'object' && current !== null && !(current instanceof Date)) {
      for (const [name, inner] of Object.entries(current)) {
        if (SUSPECT.test(name)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * JSON text of a value, with its strings made well formed. JSON.stringify
 * writes NUL and unpaired surrogates as escapes (paired ones stay as they
 * are), so only text holding such an escape is walked and written again.
 */
export function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /\\u(?:0000|d[89a-f])/i.test(json) ? JSON.stringify(wellFormedDeep(value)) : json;
}

/**
 * A copy of a JSON-like value with every string (values and keys) made well
 * formed; the value itself when nothing needed it. Walks without recursion,
 * so a deeply nested value cannot overflow the stack.
 */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return wellFormedText(value) as T;
  if (typeof value !== 'object' || value === null || !holdsSuspect(value)) return value;
  const root: { value: unknown } = { value };
  const stack: { holder: Record<string | number, unknown>; key: string | number }[] = [
    { holder: root as Record<string, unknown>, key: 'value' },
  ];
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!;
    const current = holder[key];
    if (typeof current === 'string') {
      holder[key] = wellFormedText(current);
    } else if (Array.isArray(current)) {
      const copy: Record<number, unknown> = [...(current as unknown[])];
      holder[key] = copy;
      for (let index = 0; index < current.length; index += 1) {
        stack.push({ holder: copy, key: index });
      }
    } else if (typeof current === 'object' && current !== null && !(current instanceof Date)) {
      const copy: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(current)) copy[wellFormedText(name)] = inner;
      holder[key] = copy;
      for (const name of Object.keys(copy)) stack.push({ holder: copy, key: name });
    }
  }
  return root.value as T;
}
