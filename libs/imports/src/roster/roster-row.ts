import { isEmail } from 'class-validator';
import { normaliseEmail } from '@cascade/platform';
import { GENDERS, Gender, Language, LANGUAGES } from '@cascade/reference';

/** The columns of a roster file, named as Person's fields; the first three are required. */
export const ROSTER_COLUMNS = [
  'fullName',
  'email',
  'institution',
  'discipline',
  'gender',
  'preferredLanguage',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_COLUMNS: RosterColumn[] = ['fullName', 'email', 'institution'];

/** Same limits as the people API (CreatePersonDto). */
const MAX_LENGTH: Partial<Record<RosterColumn, number>> = {
  fullName: 200,
  email: 254,
  institution: 200,
  discipline: 200,
};

/** One problem of one row: `row` is the line number in the file (the header is line 1). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** A row that passed every check that needs no database. */
export interface RosterRow {
  line: number;
  fullName: string;
  email: string;
  /** The address normalised (normaliseEmail): how people are matched and stored. */
  emailKey: string;
  institution: string;
  /** Blank optional fields leave an existing person's value as it is. */
  discipline: string | null;
  gender: Gender | null;
  preferredLanguage: Language | null;
}

export interface HeaderProblem {
  missing: string[];
  unknown: string[];
  duplicated: string[];
}

/** Where each known column sits in the file; header names are matched ignoring case and spaces. */
export type ColumnIndex = Partial<Record<RosterColumn, number>>;

export function readHeader(header: string[]): { index: ColumnIndex; problem?: HeaderProblem } {
  const byKey = new Map(ROSTER_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const index: ColumnIndex = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = byKey.get(name.toLowerCase());
    if (!column) unknown.push(name);
    else if (index[column] !== undefined) duplicated.push(column);
    else index[column] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  const problem =
    missing.length + unknown.length + duplicated.length > 0 ? { missing, unknown, duplicated } : undefined;
  return { index, problem };
}

export function describeHeaderProblem(
  problem: HeaderProblem,
  expected = `${ROSTER_COLUMNS.join(',')} (the first three required)`,
): string {
  const parts = [
    problem.missing.length > 0 ? `missing column(s) ${problem.missing.join(', ')}` : '',
    problem.unknown.length > 0 ? `unknown column(s) ${problem.unknown.map((c) => `'${c}'`).join(', ')}` : '',
    problem.duplicated.length > 0 ? `repeated column(s) ${problem.duplicated.join(', ')}` : '',
  ].filter(Boolean);
  return `file: the header row has ${parts.join('; ')}; expected ${expected}`;
}

/**
 * Every check of one row that needs no database: required fields, lengths, email format and
 * the enum values. All problems of the row are reported, one per field.
 */
export function validateRow(
  values: string[],
  index: ColumnIndex,
  line: number,
): { row?: RosterRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: line, field, message });
  const value = (column: RosterColumn) => {
    const at = index[column];
    return at === undefined ? '' : (values[at] ?? '').trim();
  };
  // A shifted row (an unquoted comma in a name) would only produce misleading field errors.
  const headerLength = Object.keys(index).length;
  if (values.length !== headerLength) {
    fail('row', `has ${values.length} field(s), the header has ${headerLength}`);
    return { errors };
  }

  for (const column of ROSTER_COLUMNS) {
    const text = value(column);
    if (REQUIRED_COLUMNS.includes(column) && text === '') fail(column, 'is required');
    const max = MAX_LENGTH[column];
    if (max !== undefined && text.length > max) fail(column, `must be at most ${max} characters`);
  }
  const email = value('email');
  if (email !== '' && !isEmail(email)) fail('email', `'${email}' is not an email address`);
  const gender = value('gender').toLowerCase();
  if (gender !== '' && !(GENDERS as readonly string[]).includes(gender)) {
    fail('gender', `'${value('gender')}' is not one of ${GENDERS.join(', ')}`);
  }
  const language = value('preferredLanguage').toLowerCase();
  if (language !== '' && !(LANGUAGES as readonly string[]).includes(language)) {
    fail('preferredLanguage', `'${value('preferredLanguage')}' is not one of ${LANGUAGES.join(', ')}`);
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    row: {
      line,
      fullName: value('fullName'),
      email,
      emailKey: normaliseEmail(email),
      institution: value('institution'),
      discipline: value('discipline') || null,
      gender: (gender || null) as Gender | null,
      preferredLanguage: (language || null) as Language | null,
    },
  };
}
