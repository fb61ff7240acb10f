/*
 * Lookout's rules per SLO against Sloth's and Pyrra's own outputs (golden files in
 * `__fixtures__/golden`): how many rules run, how many series they record, how many read raw
 * series and over which range. Raw-series reads are what costs on a large Prometheus. (Lookout
 * has one rule more than Sloth, the two 5-minute sums, which cut the samples its long windows
 * read by five; `yarn bench:rules` measures the evaluation time.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderInput, renderOptions } from '../../__fixtures__/renderInputs';
import { durationSeconds } from '@lookout/plugin-observability-common';
import { PrometheusRule } from '../types';
import { selectorsRead } from './__testUtils__/promqlTree';
import { ratioSlo } from './__testUtils__/sloFixtures';
import { renderSloRuleGroups } from './renderSloRuleGroups';

interface RuleStats {
  rules: number;
  recordingRules: number;
  alertingRules: number;
  /** Rules that read a series no rule of the file records. */
  rawReaders: number;
  /** Longest range selector over raw series, in seconds. */
  longestRawRange: number;
}

function stats(rules: PrometheusRule[], slos = 1): RuleStats {
  const recorded = new Set(rules.map(r => r.record).filter(Boolean));
  let rawReaders = 0;
  let longestRawRange = 0;
  for (const rule of rules) {
    const raw = selectorsRead(rule.expr).filter(
      s => s.metric && !recorded.has(s.metric),
    );
    if (raw.length > 0) {
      rawReaders += 1;
    }
    for (const selector of raw) {
      if (selector.range) {
        longestRawRange = Math.max(
          longestRawRange,
          durationSeconds(selector.range),
        );
      }
    }
  }
  return {
    rules: rules.length / slos,
    recordingRules: rules.filter(r => r.record).length / slos,
    alertingRules: rules.filter(r => r.alert).length / slos,
    rawReaders: rawReaders / slos,
    longestRawRange,
  };
}

function golden(file: string): PrometheusRule[] {
  const text = readFileSync(
    join(__dirname, '__fixtures__', 'golden', file),
    'utf8',
  );
  const doc = parse(text) as { groups: Array<{ rules: PrometheusRule[] }> };
  return doc.groups.flatMap(g => g.rules);
}

const DAY = 86400;

describe('rules per SLO compared with Sloth and Pyrra', () => {
  // The same SLO as Sloth's getting-started example: a ratio, 99.9 % over 30d, page and ticket.
  const lookout = stats(
    renderSloRuleGroups(
      renderInput({ slos: [ratioSlo()] }),
      renderOptions,
    ).groups.flatMap(g => g.rules),
  );

  it('counts what Lookout evaluates per SLO', () => {
    expect(lookout).toEqual({
      rules: 18,
      recordingRules: 15,
      alertingRules: 3,
      // The two 5m rates and the 1h error ratio (read over the hour so a full outage pages
      // within about a minute, docs/slo-alerting.md).
      rawReaders: 3,
      longestRawRange: 3600,
    });
  });

  it("reads raw series in 3 rules over at most 1h instead of Sloth's 7 over up to 3d", () => {
    const sloth = stats(golden('sloth-getting-started.output.yml'));
    expect(sloth).toEqual({
      rules: 17,
      recordingRules: 15,
      alertingRules: 2,
      rawReaders: 7,
      longestRawRange: 3 * DAY,
    });
    expect(
      stats(golden('sloth-kubernetes-apiserver.output.yml'), 2).rules,
    ).toBe(17);
    expect(lookout.rawReaders).toBeLessThan(sloth.rawReaders);
    expect(lookout.longestRawRange).toBeLessThan(sloth.longestRawRange);
  });

  it('reads raw series far less than Pyrra, which runs increase over 4w on them', () => {
    for (const file of [
      'pyrra-http-ratio-28d.output.yaml',
      'pyrra-monitoring-http-errors.output.yaml',
    ]) {
      const pyrra = stats(golden(file));
      expect(pyrra.rules).toBe(13);
      expect(pyrra.rawReaders).toBe(9);
      expect(pyrra.longestRawRange).toBe(28 * DAY);
      expect(lookout.rawReaders).toBeLessThan(pyrra.rawReaders);
      expect(lookout.longestRawRange).toBeLessThan(pyrra.longestRawRange);
    }
  });
});
