import { stringify } from 'csv-stringify';
import { SAFE_CSV_OPTIONS } from '@cascade/platform';
import { createWriteStream } from 'fs';
import { Transform } from 'stream';
import { CellType, ReportEvent, ReportHeading } from '../content/report-content';
import { cellText } from './cell-format';

/**
 * CSV: UTF-8 with a byte-order mark, so Excel shows Cyrillic; formulas neutralised (SAFE_CSV_OPTIONS). A list report is one table (the
 * header, then the rows); a report of several sections writes its heading, then each section
 * as its title, its header and its rows, with an empty line between them.
 */
export function csvStages(
  heading: ReportHeading,
  file: string,
): [Transform, Transform, NodeJS.WritableStream] {
  let types: CellType[] = [];
  let sections = 0;
  const records = new Transform({
    objectMode: true,
    transform(event: ReportEvent, _encoding, done) {
      switch (event.type) {
        case 'section':
          types = event.columns.map((column) => column.type);
          if (!heading.tabular) {
            if (sections++ > 0 || heading.lines.length > 0) this.push([]);
            this.push([event.title]);
          }
          this.push(event.columns.map((column) => column.label));
          break;
        case 'rows':
          for (const values of event.rows)
            this.push(values.map((value, i) => cellText(value, types[i] ?? 'text')));
          break;
        case 'note':
          if (!heading.tabular) this.push([event.text]);
          break;
        case 'chart':
          break; // its figures are the by-region section's rows
      }
      done();
    },
  });
  if (!heading.tabular) {
    records.push([heading.title]);
    for (const line of heading.lines) records.push([line]);
  }
  return [records, stringify(SAFE_CSV_OPTIONS), createWriteStream(file)];
}
