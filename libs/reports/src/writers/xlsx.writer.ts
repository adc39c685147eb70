import { stream as excelStream, Row, Style, Worksheet } from 'exceljs';
import { CellType, CellValue, Column, ReportEvent, ReportHeading } from '../content/report-content';
import { cellTypeOf, isTypedNumber } from './cell-format';
import { FileReportWriter } from './file-writer';

/** Excel's limit, header row included. */
export const XLSX_MAX_ROWS = 1_048_576;

const PENDING_HIGH = 2 * 1024 * 1024;

/**
 * What ExcelJS's internals hold for a sheet and the zip has not compressed yet: the sheet's
 * StreamBuf (its unsent buffers) and the zip entry's input buffer. Both are private to ExcelJS
 * and archiver, read defensively: an unknown shape counts as nothing pending.
 */
interface SheetInternals {
  _stream?: {
    buffers?: { length?: number }[];
    // archiver wraps the sheet in a readable-stream v2 PassThrough: no writableLength there.
    pipes?: { writableLength?: number; _writableState?: { length?: number } }[];
  };
}
function pendingBytes(sheet: Worksheet | undefined): number {
  const stream = (sheet as unknown as SheetInternals | undefined)?._stream;
  if (!stream) return 0;
  const unsent = (stream.buffers ?? []).reduce((sum, buffer) => sum + (buffer.length ?? 0), 0);
  const queued = (stream.pipes ?? []).reduce(
    (sum, pipe) => sum + (pipe.writableLength ?? pipe._writableState?.length ?? 0),
    0,
  );
  return unsent + queued;
}

/**
 * One shared object per style. ExcelJS (useStyles: true) keeps a WeakMap from style object to
 * style id, so a cell that points at a shared object costs one map look-up, and the workbook
 * holds these few styles whatever the number of rows: memory stays bounded. With
 * useStyles: false the header could not be bold and dates would fall back to mm-dd-yy.
 */
const STYLES: Record<CellType | 'header', Partial<Style>> = {
  header: {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    border: { bottom: { style: 'thin' } },
  },
  text: {},
  integer: { numFmt: '0' },
  decimal: { numFmt: '0.00' },
  percent: { numFmt: '0.0%' },
  date: { numFmt: 'yyyy-mm-dd' },
};

/** Every data row's own style: none. */
const ROW_STYLE: Partial<Style> = {};

/**
 * XLSX through ExcelJS's streaming WorkbookWriter (no shared strings): a first sheet with the
 * heading, then one sheet per section with a frozen header row, and a continuation sheet
 * every 1,048,576 rows. Each row is committed (written out) as soon as it arrives.
 */
export class XlsxReportWriter extends FileReportWriter {
  private readonly workbook: excelStream.xlsx.WorkbookWriter;
  private readonly sheetNames = new Set<string>();
  /** The heading sheet, open until the first section: ExcelJS zips sheets one after another. */
  private info: Worksheet | undefined;
  private sheet: Worksheet | undefined;
  private section: { title: string; columns: Column[]; part: number; rows: number } | undefined;

  constructor(
    heading: ReportHeading,
    path: string,
    /** Rows per sheet, header included; lower only in tests. */
    private readonly maxRows = XLSX_MAX_ROWS,
  ) {
    super(path);
    this.workbook = new excelStream.xlsx.WorkbookWriter({
      stream: this.file,
      useStyles: true,
      useSharedStrings: false,
    });
    this.workbook.creator = 'Cascade';
    const info = this.addSheet(heading.title, { views: [] });
    info.getColumn(1).width = 80;
    info.addRow([heading.title]).getCell(1).style = STYLES.header;
    for (const line of heading.lines) info.addRow([line]).commit();
    this.info = info;
  }

  /**
   * ExcelJS hands each sheet's XML to the zip without back-pressure, so rows arriving faster than
   * deflate compresses them would pile up in memory. Wait while more than PENDING_HIGH bytes
   * are waiting after an event (at most a cursor batch of rows), and let the zip drain them.
   */
  protected async caughtUp(): Promise<void> {
    while (pendingBytes(this.sheet) > PENDING_HIGH || this.file.writableNeedDrain) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  override _final(done: (error?: Error | null) => void): void {
    this.closeSheet();
    this.closeInfo();
    this.workbook.commit().then(
      () => done(),
      (error: Error) => done(error),
    );
  }

  protected handle(event: ReportEvent): void {
    switch (event.type) {
      case 'section':
        this.closeInfo();
        this.closeSheet();
        this.section = { title: event.title, columns: event.columns, part: 1, rows: 0 };
        this.openSheet();
        break;
      case 'rows':
        for (const values of event.rows) this.writeRow(values);
        break;
      case 'note':
        (this.sheet ?? this.info)?.addRow([event.text]).commit();
        break;
      case 'chart':
        break; // its figures are the by-region sheet's rows
    }
  }

  private openSheet(): void {
    const section = this.section!;
    const title = section.part === 1 ? section.title : `${section.title} (${section.part})`;
    const sheet = this.addSheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
    section.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width + 2));
    const header = sheet.addRow(section.columns.map((column) => column.label));
    header.eachCell((cell) => (cell.style = STYLES.header));
    header.commit();
    this.sheet = sheet;
  }

  private closeInfo(): void {
    this.info?.commit();
    this.info = undefined;
  }

  private closeSheet(): void {
    this.sheet?.commit();
    this.sheet = undefined;
  }

  /** One row of the current section, on a continuation sheet once a sheet is full. */
  private writeRow(values: CellValue[]): void {
    const section = this.section;
    if (!this.sheet || !section) throw new Error('xlsx: a row arrived before its section');
    if (section.rows === this.maxRows - 1) {
      this.closeSheet();
      section.part += 1;
      section.rows = 0;
      this.openSheet();
    }
    section.rows += 1;
    const { columns } = section;
    const row = this.sheet!.addRow(values.map((value, i) => excelValue(value, columns[i]?.type ?? 'text')));
    // The cells addRow made, without getCell's address parsing for each.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = STYLES[cellTypeOf(values[column - 1], columns[column - 1]?.type ?? 'text')];
    });
    // A new row's own style (ExcelJS's Row.style, left out of its types) is a new empty object,
    // which ExcelJS would turn into style XML again for every row; the shared one is looked up once.
    (row as Row & { style: Partial<Style> }).style = ROW_STYLE;
    row.commit();
  }

  private addSheet(title: string, options: { views: Worksheet['views'] }): Worksheet {
    return this.workbook.addWorksheet(this.sheetName(title), options);
  }

  /** Excel's rules: at most 31 characters, none of : \ / ? * [ ], unique in any letter case. */
  private sheetName(title: string): string {
    const base =
      title
        .replace(/[:\\/?*[\]]/g, ' ')
        .slice(0, 31)
        .trim() || 'Sheet';
    let name = base;
    for (let n = 2; this.sheetNames.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} ${n}`;
    this.sheetNames.add(name.toLowerCase());
    return name;
  }
}

/** Numbers stay numbers; an ISO date becomes a Date at UTC midnight, which ExcelJS writes as that day. */
function excelValue(value: CellValue, columnType: CellType): string | number | Date | null {
  if (isTypedNumber(value)) return value.value;
  if (columnType === 'date' && typeof value === 'string' && value !== '')
    return new Date(`${value}T00:00:00Z`);
  return value === '' ? null : value;
}
