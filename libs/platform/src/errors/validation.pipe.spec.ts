import { fieldsWithNul } from './validation.pipe';

describe('fieldsWithNul', () => {
  it('names every string and key holding a NUL by its dotted path, in order', () => {
    const body = {
      name: 'a\u0000b',
      clean: 'ok',
      sessions: [{ topics: ['x', 'y\u0000'] }, { notes: null, n: 1 }],
      ['bad\u0000key']: { inner: '\u0000' },
    };
    expect(fieldsWithNul(body)).toEqual([
      'name',
      'sessions.0.topics.1',
      '"bad\\u0000key"',
      'bad\u0000key.inner',
    ]);
  });

  it('prefixes the parameter name, and names a bare string "value"', () => {
    expect(fieldsWithNul({ q: 'a\u0000' }, 'query')).toEqual(['query.q']);
    expect(fieldsWithNul('\u0000')).toEqual(['value']);
    expect(fieldsWithNul('\u0000', 'id')).toEqual(['id']);
  });

  it('finds nothing in a clean body, and skips inherited keys', () => {
    const inherited = Object.create({ hidden: '\u0000' }) as object;
    expect(fieldsWithNul({ a: [1, 'b', { c: true }], inherited })).toEqual([]);
  });
});
