import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, SAFE_CSV_OPTIONS } from './csv-safe';

describe('CSV safe to open', () => {
  it.each(['=HYPERLINK("http://x","y")', '+cmd|/C calc!A0', '-1+1', '@SUM(1)', '\t=1', '\r=1'])(
    'writes %j with a leading apostrophe so a spreadsheet shows it as text',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['Өлзий', 'Anne-Marie', '-2.5', '-3%', '+7', ''])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('quotes a field holding a bare carriage return or a line feed, and neutralises each text cell', () => {
    const csv = stringify(
      [
        ['a\rb', 'c\nd', '=1+1', 3],
        ['plain', '@x', 'ok', -4],
      ],
      SAFE_CSV_OPTIONS,
    );
    expect(csv).toBe('\ufeff"a\rb","c\nd",\'=1+1,3\r\nplain,\'@x,ok,-4\r\n');
  });
});
