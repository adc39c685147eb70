import { Workbook } from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { ReportEvent, ReportHeading } from '../content/report-content';
import { csvStages } from './csv.writer';
import { PdfReportWriter } from './pdf.writer';
import { XlsxReportWriter } from './xlsx.writer';

const dir = mkdtempSync(join(tmpdir(), 'reports-writers-'));
const heading = (tabular: boolean): ReportHeading => ({
  title: 'Тайлан',
  lines: ['Хөтөлбөр: AI'],
  language: 'mn',
  tabular,
});
const section: ReportEvent = {
  type: 'section',
  title: 'Оролцогчид',
  columns: [
    { key: 'fullName', label: 'Овог нэр', type: 'text', width: 20 },
    { key: 'round', label: 'Шат', type: 'integer', width: 5 },
    { key: 'enrolledOn', label: 'Огноо', type: 'date', width: 10 },
    { key: 'rate', label: 'Хувь', type: 'percent', width: 8 },
  ],
};
const rows = (...ns: number[]): ReportEvent => ({
  type: 'rows',
  rows: ns.map((n) => [`Өлзий, "${n}"`, n, '2025-03-01', 0.825]),
});

describe('report writers', () => {
  it('writes a list as CSV with a BOM, the header and the rows only, quoting what needs it', async () => {
    const file = join(dir, 'list.csv');
    await pipeline([Readable.from([section, rows(1), rows(2)]), ...csvStages(heading(true), file)]);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Овог нэр,Шат,Огноо,Хувь\r\n"Өлзий, ""1""",1,2025-03-01,82.5%\r\n"Өлзий, ""2""",2,2025-03-01,82.5%\r\n',
    );
  });

  it('writes formula-like names as text and keeps a name with a bare carriage return on its row', async () => {
    const file = join(dir, 'formulas.csv');
    const names = ['=HYPERLINK("http://x","y")', '+cmd|/C calc!A0', '-1+1', '@SUM(1)', 'Бат\rЭрдэнэ'];
    const named: ReportEvent = { type: 'rows', rows: names.map((name, n) => [name, n, '2025-03-01', -0.5]) };
    await pipeline([Readable.from([section, named]), ...csvStages(heading(true), file)]);
    const records = readFileSync(file).subarray(3).toString('utf8').split('\r\n');
    expect(records.slice(1, 6)).toEqual([
      '"\'=HYPERLINK(""http://x"",""y"")",0,2025-03-01,-50%',
      "'+cmd|/C calc!A0,1,2025-03-01,-50%",
      "'-1+1,2,2025-03-01,-50%",
      "'@SUM(1),3,2025-03-01,-50%",
      '"Бат\rЭрдэнэ",4,2025-03-01,-50%',
    ]);
  });

  it('finds its font and writes a PDF from any working directory', async () => {
    const file = join(dir, 'elsewhere.pdf');
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      await pipeline(Readable.from([section, rows(1)]), new PdfReportWriter(heading(true), file));
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes a report of sections as CSV with its heading, section titles and notes', async () => {
    const file = join(dir, 'summary.csv');
    const events: ReportEvent[] = [{ type: 'note', text: 'As of today' }, section, rows(1)];
    await pipeline([Readable.from(events), ...csvStages(heading(false), file)]);
    const lines = readFileSync(file).subarray(3).toString('utf8').split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'Тайлан',
      'Хөтөлбөр: AI',
      'As of today',
      '',
      'Оролцогчид',
      'Овог нэр,Шат,Огноо,Хувь',
    ]);
  });

  it('starts a new XLSX sheet, header repeated, when a sheet is full (within a batch too), with typed cells', async () => {
    const file = join(dir, 'rollover.xlsx');
    const events = [section, rows(1, 2, 3, 4, 5), rows(6, 7)];
    await pipeline(Readable.from(events), new XlsxReportWriter(heading(true), file, 4));
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['Тайлан', 2],
      ['Оролцогчид', 4],
      ['Оролцогчид (2)', 4],
      ['Оролцогчид (3)', 2],
    ]);
    const third = workbook.getWorksheet('Оролцогчид (3)')!;
    expect(third.getRow(1).getCell(1).value).toBe('Овог нэр');
    expect(third.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((third.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Өлзий, "7"',
      7,
      new Date('2025-03-01T00:00:00Z'),
      0.825,
    ]);
    expect(third.getRow(2).getCell(4).numFmt).toBe('0.0%');
    expect(third.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
