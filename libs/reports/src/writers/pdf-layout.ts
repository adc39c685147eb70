/**
 * Column widths in proportion to the columns' weights, but never narrower than the longest word
 * of the column's header with the space after it (PDFKit measures a word so when it wraps) plus
 * the cell's padding, so a header wraps between words only; when the words
 * cannot all fit on the page, the header's type gets smaller (down to 5 pt).
 */
export function fitColumns(
  labels: string[],
  weights: number[],
  pageWidth: number,
  fontSize: number,
  measure: (word: string, size: number) => number,
): { widths: number[]; headerSize: number } {
  const longestWord = (label: string, size: number) =>
    Math.max(...breakable(label).map((part) => measure(`${part} `, size))) + 6;
  let headerSize = fontSize;
  let minimum = labels.map((label) => longestWord(label, headerSize));
  while (minimum.reduce((a, b) => a + b, 0) > pageWidth && headerSize > 5) {
    headerSize -= 0.5;
    minimum = labels.map((label) => longestWord(label, headerSize));
  }
  const widths = new Array<number>(labels.length).fill(0);
  const fixed = new Set<number>();
  for (;;) {
    const free = pageWidth - [...fixed].reduce((sum, i) => sum + widths[i], 0);
    const weight = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    let changed = false;
    weights.forEach((w, i) => {
      if (fixed.has(i)) return;
      widths[i] = (w / weight) * free;
      if (widths[i] < minimum[i]) {
        widths[i] = minimum[i];
        fixed.add(i);
        changed = true;
      }
    });
    if (!changed || fixed.size === labels.length) break;
  }
  return { widths, headerSize };
}

/**
 * The parts a line may break between, as PDFKit (Unicode line breaking, UAX #14) breaks: words,
 * and after a hyphen before a letter (`Дархан-Уул`) but never before a digit (`MC-2026-000001`,
 * `AI-101` stay whole: rule LB25), so such a number is measured whole and its type shrinks
 * instead of PDFKit cutting it mid-word.
 */
export function breakable(label: string): string[] {
  return label.split(/\s+/).flatMap((word) => word.split(/(?<=-)(?=\D)/));
}
