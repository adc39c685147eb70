import { describeHeaderProblem, readHeader, validateRow } from './roster-row';

const { index } = readHeader([
  'fullName',
  'email',
  'institution',
  'discipline',
  'gender',
  'preferredLanguage',
]);

describe('readHeader', () => {
  it('matches column names ignoring letter case and surrounding spaces, in any order', () => {
    const header = readHeader([' EMAIL', 'institution', 'FullName']);
    expect(header.problem).toBeUndefined();
    expect(header.index).toEqual({ email: 0, institution: 1, fullName: 2 });
  });

  it('names missing, unknown and repeated columns', () => {
    const { problem } = readHeader(['fullName', 'e-mail', 'fullName']);
    expect(problem).toEqual({
      missing: ['email', 'institution'],
      unknown: ['e-mail'],
      duplicated: ['fullName'],
    });
    expect(describeHeaderProblem(problem!)).toMatch(
      /^file: the header row has missing column\(s\) email, institution; unknown column\(s\) 'e-mail'; repeated column\(s\) fullName;/,
    );
  });
});

describe('validateRow', () => {
  it('accepts a Cyrillic row, trims it and lower-cases the enum values and the email key', () => {
    const { row, errors } = validateRow(
      [' Бат-Эрдэнэ ', 'Bat@Example.mn', 'Дарханы багшийн коллеж', '', 'Female', 'EN'],
      index,
      4,
    );
    expect(errors).toEqual([]);
    expect(row).toEqual({
      line: 4,
      fullName: 'Бат-Эрдэнэ',
      email: 'Bat@Example.mn',
      emailKey: 'bat@example.mn',
      institution: 'Дарханы багшийн коллеж',
      discipline: null,
      gender: 'female',
      preferredLanguage: 'en',
    });
  });

  it('reports every bad field of a row, not only the first', () => {
    const { row, errors } = validateRow(['', 'bat@', '', 'x'.repeat(201), 'f', 'ru'], index, 9);
    expect(row).toBeUndefined();
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [9, 'fullName'],
      [9, 'institution'],
      [9, 'discipline'],
      [9, 'email'],
      [9, 'gender'],
      [9, 'preferredLanguage'],
    ]);
  });

  it('refuses a row whose field count differs from the header, and only says that', () => {
    expect(validateRow(['Bat', 'bat@example.mn'], index, 3).errors).toEqual([
      { row: 3, field: 'row', message: 'has 2 field(s), the header has 6' },
    ]);
  });
});
