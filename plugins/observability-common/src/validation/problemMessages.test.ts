import { problemMessages, readNumberText } from './problemMessages';

describe('readNumberText', () => {
  it.each([
    ['99.9', 99.9],
    [' .5 ', 0.5],
    ['1e2', 100],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(readNumberText(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', 'negative'],
    ['-0.1', 'negative'],
    ['1e999', 'too large'],
    ['abc', 'not a number'],
    ['99,9', 'not a number'],
    ['', 'not a number'],
    ['0x10', 'not a number'],
  ])('names the fault of %j: %s', (text, fault) => {
    expect(readNumberText(text)).toEqual({ ok: false, fault });
  });
});

describe('problemMessages.unknownField', () => {
  const known = ['errors', 'good', 'total'];

  it('suggests the closest field', () => {
    expect(problemMessages.unknownField('totl', known)).toBe(
      'unknown field "totl"; did you mean "total"? Expected one of: errors, good, total',
    );
  });

  it('keeps its separator without a suggestion', () => {
    expect(problemMessages.unknownField('foo', known)).toBe(
      'unknown field "foo"; expected one of: errors, good, total',
    );
  });

  it('says where a field of another level belongs', () => {
    expect(
      problemMessages.unknownField('target', known, 'a field of an objective'),
    ).toBe(
      '"target" does not belong here: it is a field of an objective; expected one of: errors, good, total',
    );
  });
});
