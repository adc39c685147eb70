import { jsonTextIsNulFree } from './json-body';

describe('jsonTextIsNulFree', () => {
  const utf8 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

  it('calls UTF-8 JSON free when no string or key can hold a NUL', () => {
    expect(jsonTextIsNulFree(utf8({ notes: 'Хичээл', topics: ['a', 'b'] }))).toBe(true);
    // An escaped backslash before "u0000" is text, but a false alarm only costs the walk.
    expect(jsonTextIsNulFree(utf8({ notes: 'C:\\u0000' }))).toBe(false);
  });

  it('never calls free text holding the escape, in a value or a key, or any zero byte', () => {
    expect(jsonTextIsNulFree(utf8({ notes: 'a\u0000b' }))).toBe(false);
    expect(jsonTextIsNulFree(utf8({ 'a\u0000': 1 }))).toBe(false);
    expect(jsonTextIsNulFree(Buffer.from('{"a":"b\u0000"}', 'utf8'))).toBe(false);
    // UTF-16: every ASCII character carries a zero byte, and the escape is not found as UTF-8.
    expect(jsonTextIsNulFree(Buffer.from(JSON.stringify({ a: 'b\u0000' }), 'utf16le'))).toBe(false);
    expect(jsonTextIsNulFree(Buffer.from(JSON.stringify({ a: 'b' }), 'utf16le'))).toBe(false);
  });
});
