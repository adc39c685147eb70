import { PoolClient } from 'pg';
import { ColumnKey, ReportLabels } from '../i18n/report-labels';
import { ReportLanguage, ReportParams } from '../report-requests/report-kinds';

/** How a cell is typed in XLSX and aligned in PDF; CSV writes every type as text. */
export type CellType = 'text' | 'integer' | 'decimal' | 'percent' | 'date';

/** A number typed on its own, where one column mixes counts and rates (headline figures). */
export interface TypedNumber {
  value: number;
  type: 'integer' | 'decimal' | 'percent';
}

/** A date is an ISO `YYYY-MM-DD` string; a percent is a fraction (0.25 → 25 %). */
export type CellValue = string | number | null | TypedNumber;

export interface Column {
  key: ColumnKey | string;
  label: string;
  type: CellType;
  /** Relative width, used by XLSX (characters) and PDF (share of the page). */
  width: number;
  /** Left out of a PDF, whose page has no room for every column (CSV and XLSX keep it). */
  spreadsheetOnly?: boolean;
}

export interface BarChart {
  title: string;
  series: [string, string];
  bars: { label: string; values: [number, number] }[];
}

/**
 * A report is a stream of events: sections with their rows, charts and notes. Every format
 * writes the same stream as it comes, so no format holds a report in memory. Rows travel in
 * batches (a list section's are the cursor's fetches): one event per row cost more than
 * writing an XLSX row.
 */
export type ReportEvent =
  | { type: 'section'; title: string; columns: Column[] }
  | { type: 'rows'; rows: CellValue[][] }
  | { type: 'chart'; chart: BarChart }
  | { type: 'note'; text: string };

/** What a report's title page and header say. */
export interface ReportHeading {
  title: string;
  /** `label: value` lines: programme, credential, issuer, period, scope, when generated. */
  lines: string[];
  /** The headline figures a printed title page shows (formatted), when the programme has any yet. */
  figures?: Array<{ label: string; value: string }>;
  language: ReportLanguage;
  /** One table only (the list reports): CSV then holds just the header and the rows. */
  tabular: boolean;
}

export interface ReportContext {
  programmeId: string;
  language: ReportLanguage;
  labels: ReportLabels;
  params: ReportParams;
  /** A client inside one read-only REPEATABLE READ transaction: every section sees one snapshot. */
  client: PoolClient;
  /** Rows per list section at most (PDF), or undefined for no cap. */
  rowLimit?: number;
  overdueDays: number;
}

/** A report ready to be written: how many rows to expect (for progress) and its events. */
export interface PreparedReport {
  expectedRows: number;
  events: AsyncIterable<ReportEvent>;
}

/** One kind of report. */
export interface ReportSource {
  prepare(context: ReportContext): Promise<PreparedReport>;
}

export function labelledColumn(labels: ReportLabels, key: ColumnKey, type: CellType, width: number): Column {
  return { key, label: labels.columns[key], type, width };
}
