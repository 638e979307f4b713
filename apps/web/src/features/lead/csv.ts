export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

const quoted = (cell: string | number | null): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV: a header line, then a line per row; numbers as they are (a point for decimals). */
export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  const lines = [columns.map((column) => quoted(column.header))];
  for (const row of rows) lines.push(columns.map((column) => quoted(column.value(row))));
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** Hands the text to the browser as a file download (with a BOM, so spreadsheets read UTF-8). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
