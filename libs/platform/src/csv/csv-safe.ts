import type { Options } from 'csv-stringify';

/**
 * OWASP's rule for CSV injection: a cell that starts with one of these is read by a spreadsheet
 * as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-1+1`, `@SUM(1)`), or as the start of one after a tab
 * or carriage return. Such a text is written with a leading apostrophe, which the spreadsheet
 * shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as `-2.5` or `-3%` is read as that number, never run: it stays as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/** A text cell made safe to open in a spreadsheet. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The one set of csv-stringify options for every CSV the system writes: UTF-8 with a BOM (Excel
 * shows Cyrillic), CRLF records, every text cell neutralised, and any field holding a line break
 * — a bare carriage return included, which csv-stringify does not quote by itself — quoted.
 */
export const SAFE_CSV_OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  cast: { string: neutraliseFormula },
};
