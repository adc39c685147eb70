import { parse } from 'csv-parse/sync';
import { DomainError } from '@cascade/platform';
import { describeHeaderProblem, readHeader } from './roster-row';

/** The largest roster accepted; multer stops reading beyond it (413). */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedCsv {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The options every reader of a roster uses, so the API's check and the worker agree. */
export const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
  info: true,
} as const;

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'text/x-csv'];

/**
 * Everything wrong with an upload that can be told before a job starts: no file, not a CSV,
 * not UTF-8, empty, or a header without the required columns. Rows are checked by the job.
 */
export function checkRosterUpload(
  files: UploadedCsv[] | undefined,
  checkHeader: (header: string[]) => HeaderRefusal | undefined = rosterHeaderProblem,
): UploadedCsv {
  const file = files?.find((f) => f.fieldname === 'file');
  if (!file) {
    const other = files?.[0]?.fieldname;
    throw DomainError.invalid(
      other
        ? `file: the CSV must be sent in the multipart field 'file', not '${other}'`
        : `file: a CSV file is required (multipart/form-data field 'file')`,
    );
  }
  const name = file.originalname;
  const namedCsv = /\.(csv|txt)$/i.test(name);
  if (!namedCsv && !CSV_TYPES.includes(file.mimetype.toLowerCase())) {
    throw DomainError.invalid(
      `file: '${name}' (${file.mimetype}) is not a CSV file; save the sheet as "CSV UTF-8"`,
    );
  }
  if (file.size === 0) throw DomainError.invalid(`file: '${name}' is empty`);
  if (isBinary(file.buffer)) {
    throw DomainError.invalid(
      `file: '${name}' is not a CSV file (binary content); save the sheet as "CSV UTF-8"`,
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
  } catch {
    throw DomainError.invalid(`file: '${name}' is not UTF-8 text; save the sheet as "CSV UTF-8"`);
  }
  const records = readStart(file.buffer, name);
  const refusal = checkHeader(records[0]);
  if (refusal) throw DomainError.invalid(refusal.message, refusal.details);
  if (records.length < 2) throw DomainError.invalid(`file: '${name}' has a header row but no rows`);
  return file;
}

/** Why a header row is refused: the message, and the missing, unknown and repeated columns. */
export interface HeaderRefusal {
  message: string;
  details?: unknown;
}

function rosterHeaderProblem(header: string[]): HeaderRefusal | undefined {
  const { problem } = readHeader(header);
  return problem && { message: describeHeaderProblem(problem), details: problem };
}

/** A ZIP (XLSX, ODS) or any NUL byte: a spreadsheet or other binary file, not text. */
function isBinary(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 8192);
  return head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.includes(0);
}

/** The header and the first row, if any. */
function readStart(buffer: Buffer, name: string): string[][] {
  try {
    const records = parse(buffer, { ...CSV_OPTIONS, info: false, to: 2 }) as string[][];
    if (records.length === 0 || records[0].every((cell) => cell.trim() === '')) {
      throw DomainError.invalid(`file: '${name}' is empty`);
    }
    return records;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw DomainError.invalid(`file: '${name}' is not readable as CSV: ${(error as Error).message}`);
  }
}
