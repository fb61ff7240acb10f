import { regexExample, regexMatches } from './regexExample';

describe('regexExample', () => {
  it.each([
    ['5..', '500'],
    ['5.*', '5'],
    ['(5..|429)', '500'],
    ['2..|3..', '200'],
    ['GET|POST', 'GET'],
    ['[45]\\d\\d', '400'],
    ['(?:a|b)+c{2}', 'acc'],
    ['(?P<code>5)xx', '5xx'],
    ['[^0-9]+', 'a'],
    ['api\\.v[0-9]', 'api.v0'],
  ])('gives a string that %p matches in full', (regex, example) => {
    expect(regexExample(regex)).toBe(example);
    expect(regexMatches(regex, example)).toBe(true);
  });

  it('gives nothing for syntax it does not know', () => {
    expect(regexExample('(?i)get')).toBeUndefined();
    expect(regexExample('\\pL+')).toBeUndefined();
    expect(regexExample('[[:alpha:]]')).toBeUndefined();
  });

  it('matches anchored, as Prometheus does', () => {
    expect(regexMatches('5..', '500')).toBe(true);
    expect(regexMatches('5..', '1500')).toBe(false);
    expect(regexMatches('5..', '5000')).toBe(false);
    expect(regexMatches('a|b', 'ab')).toBe(false);
  });
});
