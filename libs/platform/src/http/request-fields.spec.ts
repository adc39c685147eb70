import { containsPattern, definedFields } from './request-fields';

describe('containsPattern', () => {
  it('wraps the search text in % for a "contains" match', () => {
    expect(containsPattern('бат')).toBe('%бат%');
  });

  it("escapes the caller's % _ and backslash so they match literally", () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('definedFields', () => {
  it('keeps what was sent, null included, and drops what was left out', () => {
    expect(definedFields({ name: 'Darkhan', discipline: null, kind: undefined })).toEqual({
      name: 'Darkhan',
      discipline: null,
    });
  });
});
