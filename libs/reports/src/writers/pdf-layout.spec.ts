import { breakable, fitColumns } from './pdf-layout';

/** Every character 1 unit wide at size 1: a word of n letters at size s is n·s wide. */
const measure = (word: string, size: number) => word.length * size;

describe('PDF column widths', () => {
  it('shares the page by weight when every header word fits', () => {
    const { widths, headerSize } = fitColumns(['a', 'b'], [1, 3], 400, 8, measure);
    expect(widths).toEqual([100, 300]);
    expect(headerSize).toBe(8);
  });

  it('widens a column to its longest header word and shares the rest by weight', () => {
    const { widths } = fitColumns(['Participants', 'x', 'y'], [1, 1, 2], 400, 8, measure);
    expect(widths[0]).toBe(13 * 8 + 6);
    expect(widths[1] + widths[2]).toBeCloseTo(400 - widths[0]);
    expect(widths[2]).toBeCloseTo(2 * widths[1]);
  });

  it('makes the header type smaller when the longest words cannot all fit', () => {
    const labels = ['Гэрчилгээжүүлэлтийн хувь', 'Хиймэл оюун нэвтрүүлэлтийн хувь', 'Байгууллагууд'];
    const { widths, headerSize } = fitColumns(labels, [1, 1, 1], 300, 8, measure);
    expect(headerSize).toBeLessThan(8);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300 + 1e-9);
    labels.forEach((label, i) =>
      expect(widths[i]).toBeGreaterThanOrEqual(
        Math.max(...label.split(' ').map((w) => w.length * headerSize)),
      ),
    );
  });
});

describe('breakable', () => {
  it('breaks between words and after a hyphen before a letter, never before a digit', () => {
    expect(breakable('Дархан-Уул аймаг')).toEqual(['Дархан-', 'Уул', 'аймаг']);
    expect(breakable('MC-2026-000001')).toEqual(['MC-2026-000001']);
    expect(breakable('AI-101 course')).toEqual(['AI-101', 'course']);
  });
});
