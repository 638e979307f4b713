const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a date field's value is a whole date (YYYY-MM-DD). */
export const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));

/** The start of that day where the person is, as an instant for the API. */
export function startOfDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day).toISOString();
}

/** The start of the next day: a range "to" this date includes the whole day. */
export function endOfDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day + 1).toISOString();
}
