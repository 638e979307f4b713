import { useId, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type CsvColumn, downloadCsv, toCsv } from './csv';

export interface TableColumn<Row> extends CsvColumn<Row> {
  /** What the table shows; the CSV has `value`. */
  display?: (row: Row) => string;
  numeric?: boolean;
}

/**
 * One chart of the report with its equivalents: a text summary, the same
 * figures as a table (behind a disclosure) and as a CSV download. The chart
 * itself is hidden from assistive technology, which gets the text and table.
 */
export function ReportFigure<Row>({
  title,
  summary,
  chart,
  columns,
  rows,
  filename,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  columns: TableColumn<Row>[];
  rows: Row[];
  filename: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="report-figure" aria-labelledby={headingId}>
      <header className="report-figure-head">
        <h2 id={headingId}>{title}</h2>
        <Button
          className="button small"
          isDisabled={rows.length === 0}
          onPress={() => downloadCsv(filename, toCsv(columns, rows))}
          aria-label={t('lead.reports.downloadCsvOf', { what: title })}
        >
          {t('lead.reports.downloadCsv')}
        </Button>
      </header>
      <p className="report-summary">{summary}</p>
      {rows.length > 0 && (
        <>
          <div className="report-chart" aria-hidden="true">
            {chart}
          </div>
          <details className="report-table">
            <summary>{t('lead.reports.showTable')}</summary>
            <table className="data-table" aria-labelledby={headingId}>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column.header} scope="col" className={column.numeric ? 'number' : ''}>
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((column) => (
                      <td key={column.header} className={column.numeric ? 'number' : ''}>
                        {column.display ? column.display(row) : (column.value(row) ?? '–')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
