import { readCompletionHeader, validateCompletionRow } from './completion-row';

describe('a completions file row', () => {
  const { index } = readCompletionHeader([
    'Email',
    'person id',
    'courseCode',
    'completedOn',
    'score',
    'clientRef',
  ]);

  it('reads a row by email in any case, with a decimal comma score', () => {
    expect(
      validateCompletionRow(['Ann@Example.MN', '', 'AI-101', '2025-03-01', '81,5', ''], index, 2),
    ).toEqual({
      row: {
        line: 2,
        email: 'ann@example.mn',
        personId: null,
        courseCode: 'AI-101',
        completedOn: '2025-03-01',
        score: 81.5,
        clientRef: null,
      },
      errors: [],
    });
  });

  it('names every failing column of a row', () => {
    const { row, errors } = validateCompletionRow(
      ['not-mail', 'x', '', '2025-02-30', '100.5', 'a b'],
      index,
      7,
    );
    expect(row).toBeUndefined();
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [7, 'email'],
      [7, 'personId'],
      [7, 'courseCode'],
      [7, 'completedOn'],
      [7, 'score'],
      [7, 'clientRef'],
    ]);
  });

  it('needs a person: an email or a person id', () => {
    const { errors } = validateCompletionRow(['', '', 'AI-101', '2025-03-01', ''], index, 3);
    expect(errors).toEqual([
      { row: 3, field: 'email', message: expect.stringContaining('email or personId') },
    ]);
  });

  it('refuses a header without a person column or the required ones', () => {
    expect(readCompletionHeader(['courseCode', 'completedOn']).problem?.missing).toEqual([
      'email or personId',
    ]);
    expect(readCompletionHeader(['email', 'grade']).problem).toEqual({
      missing: ['courseCode', 'completedOn'],
      unknown: ['grade'],
      duplicated: [],
    });
    expect(readCompletionHeader(['personId', 'courseCode', 'completedOn']).problem).toBeUndefined();
  });
});
