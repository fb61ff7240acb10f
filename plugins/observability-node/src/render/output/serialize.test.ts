import { stringify } from 'yaml';
import { toYaml } from './serialize';

/** `yaml`'s own output with the options toYaml documents, no memo involved. */
function reference(value: unknown): string {
  return stringify(value, {
    version: '1.1',
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}

const STRINGS = [
  'plain',
  'yes',
  'on',
  'No',
  '0755',
  '1e3',
  '0.999',
  '2024-01-01',
  '~',
  'null',
  '',
  ' leading space',
  'trailing space ',
  'a: b',
  'a #b',
  '#comment',
  '- dash',
  '-',
  '? q',
  'say "hi"',
  "it's",
  `both ' and "`,
  '---',
  '--- document',
  '...',
  '%directive',
  'tab\there',
  'bell\u0007',
  'line one\nline two',
  'line one\n',
  '\n',
  'trailing newlines\n\n',
  '---\nmarker in a block',
  'sum(rate(http_requests_total{job="api", code=~"5.."}[5m])) or vector(0)',
  '{job="api"}',
  '[5m]',
  'a'.repeat(2000),
];

describe('toYaml', () => {
  it('writes every kind of string exactly as yaml.stringify does, as keys and values, at every depth', () => {
    const value = {
      top: STRINGS,
      map: Object.fromEntries(STRINGS.map((s, i) => [s, `${i}`])),
      nested: [{ deeper: { list: STRINGS.map(s => ({ s, [s]: s })) } }],
    };
    // Twice: the second time every string comes from the memo.
    expect(toYaml(value)).toBe(reference(value));
    expect(toYaml(value)).toBe(reference(value));
  });

  it('keeps numbers, booleans and nulls typed, and quotes YAML 1.1 booleans such as n', () => {
    const value = { n: 1, f: 0.5, t: true, z: null, s: ['1', 'true', 'null'] };
    expect(toYaml(value)).toBe(reference(value));
    expect(toYaml(value)).toBe(
      `"n": 1\nf: 0.5\nt: true\nz: null\ns:\n  - "1"\n  - "true"\n  - "null"\n`,
    );
  });
});
