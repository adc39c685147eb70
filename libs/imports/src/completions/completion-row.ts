import { isEmail, isUUID } from 'class-validator';
import { normaliseEmail } from '@cascade/platform';
import { describeHeaderProblem, HeaderProblem, RowError } from '../roster/roster-row';

/** The columns of a completions file: a person by email or id, the course by code, the date, the score. */
export const COMPLETION_COLUMNS = [
  'email',
  'personId',
  'courseCode',
  'completedOn',
  'score',
  'clientRef',
] as const;
export type CompletionColumn = (typeof COMPLETION_COLUMNS)[number];
const REQUIRED: CompletionColumn[] = ['courseCode', 'completedOn'];

export type CompletionColumnIndex = Partial<Record<CompletionColumn, number>>;

/** A row that passed every check that needs no database. */
export interface CompletionRow {
  line: number;
  /** lower(email), or null when the row names the person by id. */
  email: string | null;
  personId: string | null;
  courseCode: string;
  completedOn: string;
  score: number | null;
  clientRef: string | null;
}

/** Header names are matched ignoring case and spaces; email or personId (or both) must be there. */
export function readCompletionHeader(header: string[]): {
  index: CompletionColumnIndex;
  problem?: HeaderProblem;
} {
  const byKey = new Map(COMPLETION_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const index: CompletionColumnIndex = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = byKey.get(name.toLowerCase().replace(/\s+/g, ''));
    if (!column) unknown.push(name);
    else if (index[column] !== undefined) duplicated.push(column);
    else index[column] = i;
  });
  const missing: string[] = REQUIRED.filter((c) => index[c] === undefined);
  if (index.email === undefined && index.personId === undefined) missing.unshift('email or personId');
  const problem =
    missing.length + unknown.length + duplicated.length > 0 ? { missing, unknown, duplicated } : undefined;
  return { index, problem };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
const CLIENT_REF = /^[A-Za-z0-9._:-]{1,100}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Every problem of a row that needs no database, each naming its column. */
export function validateCompletionRow(
  record: string[],
  index: CompletionColumnIndex,
  line: number,
): { row?: CompletionRow; errors: RowError[] } {
  const cell = (column: CompletionColumn) => {
    const at = index[column];
    return at === undefined ? '' : (record[at] ?? '').trim();
  };
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: line, field, message });

  const email = cell('email');
  const personId = cell('personId');
  if (!email && !personId) fail('email', 'a person is required: give their email or personId');
  if (email && !isEmail(email)) fail('email', `'${email}' is not an email address`);
  if (personId && !isUUID(personId)) fail('personId', `'${personId}' is not a UUID`);
  const courseCode = cell('courseCode');
  if (!courseCode) fail('courseCode', 'is required');
  const completedOn = cell('completedOn');
  if (!isDay(completedOn)) fail('completedOn', `'${completedOn}' is not a date (YYYY-MM-DD)`);
  const rawScore = cell('score').replace(',', '.');
  const score = rawScore === '' ? null : Number(rawScore);
  if (rawScore !== '' && (!SCORE.test(rawScore) || score! > 100)) {
    fail('score', `'${cell('score')}' is not a score from 0 to 100 with at most 2 decimals`);
  }
  const clientRef = cell('clientRef');
  if (clientRef && !CLIENT_REF.test(clientRef)) {
    fail('clientRef', 'may contain only A-Z, a-z, 0-9, ".", "_", ":" and "-", at most 100 characters');
  }
  if (errors.length > 0) return { errors };
  return {
    row: {
      line,
      email: email ? normaliseEmail(email) : null,
      personId: personId ? personId.toLowerCase() : null,
      courseCode,
      completedOn,
      score,
      clientRef: clientRef || null,
    },
    errors,
  };
}

/** The upload check's view of a completions header: why it is refused, if it is. */
export function completionsHeaderProblem(
  header: string[],
): { message: string; details: HeaderProblem } | undefined {
  const { problem } = readCompletionHeader(header);
  return (
    problem && { message: describeHeaderProblem(problem, COMPLETION_COLUMNS.join(',')), details: problem }
  );
}
