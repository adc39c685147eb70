import { once } from 'events';
import PDFDocument from 'pdfkit';
import { BarChart, CellType, CellValue, Column, ReportEvent, ReportHeading } from '../content/report-content';
import { formatDate, formatNumber, formatPercent } from '../i18n/report-format';
import { ReportLanguage } from '../report-requests/report-kinds';
import { cellTypeOf, isTypedNumber } from './cell-format';
import { FileReportWriter } from './file-writer';
import { breakable, fitColumns } from './pdf-layout';
import { DEJAVU, fontFile } from '@cascade/platform';

const FONT = DEJAVU;
const MARGIN = 36;
const ROW_HEIGHT = 14;
const FONT_SIZE = 7;
/** Headers in bold a half point smaller than the cells, so long header words leave room for the data. */
const HEADER_SIZE = 6.5;
const MAX_LINES = 4;
const COLOURS = { header: '#D9E1F2', rule: '#999999', series: ['#2F5597', '#70AD47'] as const };

/**
 * PDF through PDFKit without bufferPages: each page is written out when the next begins, so a
 * report costs one page of memory. A title page, then each section as a table whose header
 * repeats on every page, and charts drawn with vector operations. Lists are capped upstream
 * (PDF_ROW_LIMIT): a PDF is for reading, not for a million rows.
 */
export class PdfReportWriter extends FileReportWriter {
  private readonly doc: PDFKit.PDFDocument;
  /** The section's printed columns: `shown` indexes the event's values. */
  private section:
    { title: string; columns: Column[]; shown: number[]; widths: number[]; headerSize: number } | undefined;
  private pageNumber = 1;
  private readonly language: ReportLanguage;

  constructor(heading: ReportHeading, path: string) {
    super(path);
    this.language = heading.language;
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      bufferPages: false,
      info: { Title: heading.title, Creator: 'Cascade' },
    });
    this.doc.registerFont('regular', fontFile(FONT.regular));
    this.doc.registerFont('bold', fontFile(FONT.bold));
    this.doc.on('pageAdded', () => this.footer(++this.pageNumber));
    this.doc.pipe(this.file);
    this.titlePage(heading);
  }

  protected caughtUp(): Promise<void> {
    return this.file.writableNeedDrain ? once(this.file, 'drain').then(() => undefined) : Promise.resolve();
  }

  override _final(done: (error?: Error | null) => void): void {
    this.file.once('finish', () => done());
    this.doc.end();
  }

  protected handle(event: ReportEvent): void {
    switch (event.type) {
      case 'section':
        this.startSection(event.title, event.columns);
        break;
      case 'rows':
        for (const values of event.rows) this.row(values);
        break;
      case 'note':
        this.ensureSpace(ROW_HEIGHT * 2, false);
        this.doc
          .font('regular')
          .fontSize(8)
          .fillColor('black')
          .text(event.text, MARGIN, this.doc.y + 4, { width: this.width });
        break;
      case 'chart':
        this.chart(event.chart);
        break;
    }
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 12;
  }

  /** The first page: title, programme, credential, issuer, period, scope, and the headline figures. */
  private titlePage(heading: ReportHeading): void {
    const { doc } = this;
    this.footer(1);
    doc
      .font('bold')
      .fontSize(24)
      .fillColor('black')
      .text(heading.title, MARGIN, 90, { width: this.width, align: 'center' });
    doc.moveDown(1.2).font('regular').fontSize(12);
    for (const line of heading.lines) doc.text(line, { width: this.width, align: 'center' });
    const figures = heading.figures ?? [];
    const cards = figures.slice(0, -1);
    if (cards.length > 0) {
      const gap = 10;
      const cardWidth = (this.width - gap * (cards.length - 1)) / cards.length;
      const top = doc.y + 36;
      cards.forEach((figure, i) => {
        const x = MARGIN + i * (cardWidth + gap);
        doc.rect(x, top, cardWidth, 70).fill(COLOURS.header);
        doc
          .font('bold')
          .fontSize(20)
          .fillColor('black')
          .text(figure.value, x, top + 12, { width: cardWidth, align: 'center' });
        doc
          .font('regular')
          .fontSize(9)
          .text(figure.label, x + 4, top + 44, { width: cardWidth - 8, align: 'center' });
      });
      const asOf = figures[figures.length - 1];
      doc.font('regular').fontSize(9).fillColor('#444444');
      doc.text(`${asOf.label}: ${asOf.value}`, MARGIN, top + 82, { width: this.width, align: 'center' });
      doc.fillColor('black');
    }
    doc.addPage();
  }

  private footer(page: number): void {
    const { doc } = this;
    const y = doc.y;
    // Inside the bottom margin: PDFKit would otherwise start a new page for the footer itself.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#666666');
    doc.text(String(page), MARGIN, doc.page.height - MARGIN + 8, {
      width: this.width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
    doc.fillColor('black');
    doc.x = MARGIN;
    doc.y = Math.max(y, MARGIN);
  }

  private row(values: CellValue[]): void {
    const section = this.section;
    if (!section) throw new Error('pdf: a row arrived before its section');
    const texts = section.shown.map((i) => this.cellText(values[i] ?? null, section.columns[i].type));
    const height = this.rowHeight(texts, 'regular');
    this.ensureSpace(height, true);
    this.tableRow(
      texts,
      section.shown.map((i) => section.columns[i].type),
      height,
    );
  }

  private startSection(title: string, columns: Column[]): void {
    const shown = columns.flatMap((column, i) => (column.spreadsheetOnly ? [] : [i]));
    const labels = shown.map((i) => columns[i].label);
    const { widths, headerSize } = this.fitColumns(
      labels,
      shown.map((i) => columns[i].width),
    );
    this.section = { title, columns, shown, widths, headerSize };
    this.ensureSpace(ROW_HEIGHT * 4, false);
    this.doc
      .font('bold')
      .fontSize(12)
      .fillColor('black')
      .text(title, MARGIN, this.doc.y + 8, { width: this.width });
    this.doc.y += 4;
    this.tableHeader();
  }

  private fitColumns(labels: string[], weights: number[]): { widths: number[]; headerSize: number } {
    return fitColumns(labels, weights, this.width, HEADER_SIZE, (word, size) =>
      this.doc.font('bold').fontSize(size).widthOfString(word),
    );
  }

  /** A cell as printed: dates, numbers and percents in the report's language, one format throughout. */
  private cellText(value: CellValue, columnType: CellType): string {
    if (value === null) return '';
    const type = cellTypeOf(value, columnType);
    const raw = isTypedNumber(value) ? value.value : value;
    if (typeof raw === 'string') return type === 'date' ? formatDate(raw, this.language) : raw;
    if (type === 'percent') return formatPercent(raw, this.language);
    return formatNumber(raw, this.language);
  }

  /** Starts a new page when `height` does not fit; a table's header is repeated on it. */
  private ensureSpace(height: number, inTable: boolean): void {
    if (this.doc.y + height <= this.bottom) return;
    this.doc.addPage();
    if (inTable && this.section) this.tableHeader();
  }

  private tableHeader(): void {
    const { doc } = this;
    const section = this.section!;
    const labels = section.shown.map((i) => section.columns[i].label);
    const height = this.rowHeight(labels, 'bold', section.headerSize, Infinity);
    doc.rect(MARGIN, doc.y, this.width, height).fill(COLOURS.header);
    this.cells(
      labels,
      labels.map(() => 'text'),
      'bold',
      height,
      section.headerSize,
    );
  }

  /** Cells wrap: the row is as tall as its tallest cell, up to MAX_LINES lines (a header: all its lines). */
  private rowHeight(
    texts: string[],
    font: 'regular' | 'bold',
    size = FONT_SIZE,
    maxLines = MAX_LINES,
  ): number {
    const tallest = Math.max(
      ...texts.map((text, i) => {
        const width = this.section!.widths[i] - 4;
        this.doc.font(font).fontSize(this.fittingSize(text, width, font, size));
        return this.doc.heightOfString(text || ' ', { width });
      }),
    );
    return Math.min(Math.max(ROW_HEIGHT, tallest + 5), ROW_HEIGHT * maxLines);
  }

  /** A cell's type size: smaller when its longest word would not fit, so no word is broken inside. */
  private fittingSize(text: string, width: number, font: 'regular' | 'bold', size: number): number {
    this.doc.font(font).fontSize(size);
    const longest = Math.max(0, ...breakable(text).map((part) => this.doc.widthOfString(`${part} `)));
    return longest <= width ? size : Math.max(4, (size * width) / longest);
  }

  private tableRow(texts: string[], types: CellType[], height: number): void {
    this.cells(texts, types, 'regular', height);
    this.doc
      .moveTo(MARGIN, this.doc.y)
      .lineTo(MARGIN + this.width, this.doc.y)
      .lineWidth(0.3)
      .strokeColor(COLOURS.rule)
      .stroke();
  }

  private cells(
    texts: string[],
    types: (CellType | 'text')[],
    font: 'regular' | 'bold',
    height: number,
    size = FONT_SIZE,
  ): void {
    const { doc } = this;
    const y = doc.y;
    let x = MARGIN;
    doc.fillColor('black');
    texts.forEach((text, i) => {
      const width = this.section!.widths[i];
      doc.font(font).fontSize(this.fittingSize(text, width - 4, font, size));
      doc.text(text, x + 2, y + 3, {
        width: width - 4,
        height: height - 3,
        ellipsis: true,
        align: types[i] === 'text' || types[i] === 'date' ? 'left' : 'right',
      });
      x += width;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  }

  /** Horizontal bars, two per label (one per series), scaled to the largest value. */
  private chart(chart: BarChart): void {
    const { doc } = this;
    const barHeight = 6;
    const groupHeight = barHeight * 2 + 6;
    const labelWidth = 130;
    const plotWidth = this.width - labelWidth - 60;
    const max = Math.max(1, ...chart.bars.flatMap((bar) => bar.values));
    this.ensureSpace(60 + Math.min(chart.bars.length, 10) * groupHeight, false);
    doc
      .font('bold')
      .fontSize(12)
      .fillColor('black')
      .text(chart.title, MARGIN, doc.y + 8, { width: this.width });
    let y = doc.y + 6;
    chart.series.forEach((name, s) => {
      const x = MARGIN + labelWidth + s * 150;
      doc.rect(x, y, 10, 8).fill(COLOURS.series[s]);
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('black')
        .text(name, x + 14, y, { lineBreak: false });
    });
    y += 18;
    for (const bar of chart.bars) {
      if (y + groupHeight > this.bottom) {
        doc.addPage();
        y = doc.y;
      }
      doc.font('regular').fontSize(FONT_SIZE).fillColor('black');
      doc.text(bar.label, MARGIN, y + 3, { width: labelWidth - 6, ellipsis: true, lineBreak: false });
      bar.values.forEach((value, s) => {
        const top = y + s * barHeight;
        const length = (value / max) * plotWidth;
        if (length > 0) doc.rect(MARGIN + labelWidth, top, length, barHeight - 1).fill(COLOURS.series[s]);
        doc
          .fillColor('black')
          .text(String(value), MARGIN + labelWidth + length + 4, top - 1, { lineBreak: false });
      });
      y += groupHeight;
    }
    doc.x = MARGIN;
    doc.y = y + 6;
  }
}
