import { ReportHeading } from '../content/report-content';
import { ReportFormat } from '../report-requests/report-kinds';
import { csvStages } from './csv.writer';
import { PdfReportWriter } from './pdf.writer';
import { XlsxReportWriter } from './xlsx.writer';

/**
 * The streams that turn report events into a file, joined after the events in one
 * stream.pipeline: the last stage writes `file` and finishes only once it is on disk.
 */
export type WriterStages = [
  NodeJS.ReadWriteStream | NodeJS.WritableStream,
  ...(NodeJS.ReadWriteStream | NodeJS.WritableStream)[],
];

export function writerStages(format: ReportFormat, heading: ReportHeading, file: string): WriterStages {
  switch (format) {
    case 'csv':
      return csvStages(heading, file);
    case 'xlsx':
      return [new XlsxReportWriter(heading, file)];
    case 'pdf':
      return [new PdfReportWriter(heading, file)];
  }
}
