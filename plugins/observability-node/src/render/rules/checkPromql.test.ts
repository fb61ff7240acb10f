import fs from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { checkPromql, promqlShape } from './checkPromql';

/** What lezer-promql alone says, without the shape cache. */
function parsesCleanly(expr: string): boolean {
  const tree = parser.parse(expr);
  let error = false;
  tree.iterate({
    enter: node => {
      if (node.type.isError) {
        error = true;
      }
      return !error;
    },
  });
  return !error && tree.topNode.firstChild !== null;
}

function verdict(expr: string): boolean {
  try {
    checkPromql(expr, 'r');
    return true;
  } catch {
    return false;
  }
}

/** Every `expr` of the committed golden rule files. */
function goldenExpressions(): string[] {
  const root = path.join(__dirname, '__fixtures__', 'golden');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (/\.ya?ml$/.test(entry.name)) {
        const doc = parse(fs.readFileSync(file, 'utf8'));
        for (const group of doc?.groups ?? doc?.spec?.groups ?? []) {
          for (const rule of group.rules ?? []) {
            if (typeof rule.expr === 'string') {
              found.push(rule.expr);
            }
          }
        }
      }
    }
  };
  walk(root);
  return found;
}

describe('promqlShape', () => {
  it('empties string literals of every quoting style', () => {
    expect(
      promqlShape(
        `sum(rate(x{job="api", code=~'5..', path=\`/a"b\`}[5m])) by (le)`,
      ),
    ).toBe('sum(rate(x{job="", code=~"", path=""}[5m])) by (le)');
  });

  it('reads escapes inside strings as the grammar does', () => {
    expect(promqlShape('x{a="say \\"hi\\"", b="c\\\\"}')).toBe('x{a="", b=""}');
  });

  it('leaves an expression without strings as it is', () => {
    expect(promqlShape('vector(0.999)')).toBe('vector(0.999)');
  });

  it('gives up on comments and unterminated strings', () => {
    expect(promqlShape('x # "note"')).toBeUndefined();
    expect(promqlShape('x{a="b}')).toBeUndefined();
    expect(promqlShape('x{a="b\nc"}')).toBeUndefined();
    expect(promqlShape('x{a="b\\')).toBeUndefined();
  });
});

describe('checkPromql', () => {
  it('accepts every generated expression of the golden rule files', () => {
    const exprs = goldenExpressions();
    expect(exprs.length).toBeGreaterThan(50);
    for (const expr of exprs) {
      expect(() => checkPromql(expr, 'golden')).not.toThrow();
    }
  });

  it('agrees with a full parse once the shapes are known', () => {
    const valid = [
      'sum(rate(http_requests_total{job="a", code=~"5.."}[5m])) or vector(0)',
      'slo:sli_error:ratio{slo="x", backstage_entity="component:default/a"} > (14.4 * 0.001)',
      "label_replace(up{job='a'}, \"dst\", '$1', `src`, '(.*)')",
      '{"my.metric", job="a"}',
    ];
    for (const expr of valid) {
      expect(verdict(expr)).toBe(true);
    }
    // Same shapes as above (warm cache) or close to them, valid or not.
    const variants = [
      ...valid.map(expr => expr.replace(/"a"/g, '"completely different"')),
      ...valid.map(expr => expr.replace(/"a"/g, '"with \\"escaped\\" quotes"')),
      'sum(rate(http_requests_total{job="a", code=~"5.."}[5m]) or vector(0)',
      'sum(rate(http_requests_total{job="a" code=~"5.."}[5m])) or vector(0)',
      'sum(rate(http_requests_total{job="a", code=~"5..}[5m])) or vector(0)',
      'sum(rate(http_requests_total{job="a\nb", code=~"5.."}[5m])) or vector(0)',
      'sum(rate(http_requests_total{job=a, code=~"5.."}[5m])) or vector(0)',
      'slo:sli_error:ratio{slo="x", backstage_entity="component:default/a"} > (14.4 * 0.001) # "',
      '{"my.metric" job="a"}',
      '',
    ];
    for (const expr of variants) {
      expect({ expr, valid: verdict(expr) }).toEqual({
        expr,
        valid: parsesCleanly(expr),
      });
    }
  });

  it('names the rule and the place of the error', () => {
    expect(() => checkPromql('sum(rate(x[5m])', 'slo:broken')).toThrow(
      /internal error: the generated expression of rule slo:broken is not valid PromQL \(column \d+/,
    );
    // A broken expression is reported even when a valid one of the same shape came first.
    checkPromql('x{job="a"}', 'first');
    expect(() => checkPromql('x{job="a"', 'second')).toThrow(/rule second/);
  });
});
