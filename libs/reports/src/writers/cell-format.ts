import { CellType, CellValue, TypedNumber } from '../content/report-content';

export function isTypedNumber(value: CellValue): value is TypedNumber {
  return typeof value === 'object' && value !== null;
}

/** The cell's own type when it carries one, else its column's. */
export function cellTypeOf(value: CellValue, columnType: CellType): CellType {
  return isTypedNumber(value) ? value.type : columnType;
}

/** A cell as text, the same in CSV and PDF: percents as "82.7%", decimals without trailing noise. */
export function cellText(value: CellValue, columnType: CellType): string {
  if (value === null) return '';
  const type = cellTypeOf(value, columnType);
  const raw = isTypedNumber(value) ? value.value : value;
  if (typeof raw === 'string') return raw;
  switch (type) {
    case 'percent':
      return `${Number((raw * 100).toFixed(1))}%`;
    case 'decimal':
      return String(Number(raw.toFixed(2)));
    default:
      return String(raw);
  }
}
