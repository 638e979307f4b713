// Many rows in one statement, as one JSON parameter read by json_to_recordset:
// one value to send and parse, however many rows, instead of one per column
// and row. These build the SQL around it from the columns' names and types.

/** Column names, as the rows' JSON keys and the table's columns, with their SQL types. */
export type ColumnTypes = Readonly<Record<string, string>>;

const quoted = (name: string) => `"${name}"`;

/** `"a" uuid, "b" int`: the column list of `json_to_recordset($1::json) AS d(…)`. */
export function recordsetColumns(columns: ColumnTypes): string {
  return Object.entries(columns)
    .map(([name, type]) => `${quoted(name)} ${type}`)
    .join(', ');
}

/** `"a", "b"`: the columns, as an INSERT names them, or `d."a", d."b"` with a row alias. */
export function columnNames(columns: ColumnTypes, alias?: string): string {
  return Object.keys(columns)
    .map((name) => (alias ? `${alias}.${quoted(name)}` : quoted(name)))
    .join(', ');
}

/** `"a" = d."a", "b" = d."b"`: an UPDATE's SET list from the row alias `from`. */
export function assignmentsFrom(from: string, columns: ColumnTypes): string {
  return Object.keys(columns)
    .map((name) => `${quoted(name)} = ${from}.${quoted(name)}`)
    .join(', ');
}

/**
 * One row's JSON object from its parts: null and undefined fields are left
 * out (json_to_recordset reads a missing key as NULL), and dates go as ISO
 * text (JSON.stringify would call each date's toJSON, several times slower).
 */
export function jsonRow(...parts: object[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const part of parts as Record<string, unknown>[]) {
    for (const key in part) {
      const value = part[key];
      if (value === null || value === undefined) continue;
      row[key] = value instanceof Date ? value.toISOString() : value;
    }
  }
  return row;
}
