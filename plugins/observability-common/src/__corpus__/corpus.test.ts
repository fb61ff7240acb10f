/*
 * The corpus of real-world inputs (README.md): every `<case>.yaml` beside this file is read the way
 * Lookout reads it (an OpenSLO text, or a catalog entity with Lookout annotations) and compared
 * with `<case>.expected.yaml`, written by hand: the SLOs it maps to and every problem, word for
 * word.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { parseOpenSloDocuments } from '../openslo/parseOpenSloDocuments';
import { parseObservabilitySpec } from '../spec/parseObservabilitySpec';
import { formatVectorSelector } from '../promql/formatVectorSelector';
import { ObservabilityProblem, SloSpec } from '../spec/types';

const CORPUS = __dirname;

function corpusCases(): string[] {
  const cases: string[] = [];
  for (const folder of fs.readdirSync(CORPUS).sort()) {
    const dir = path.join(CORPUS, folder);
    if (!fs.statSync(dir).isDirectory()) {
      continue;
    }
    for (const file of fs.readdirSync(dir).sort()) {
      if (file.endsWith('.yaml') && !file.endsWith('.expected.yaml')) {
        cases.push(`${folder}/${file}`);
      }
    }
  }
  return cases;
}

/** The SLO in the expected files' words. */
function describeSlo(slo: SloSpec) {
  const { indicator, alerting } = slo;
  const indicatorText =
    indicator.type === 'ratio'
      ? `ratio ${
          indicator.errors
            ? `errors=${formatVectorSelector(indicator.errors)}`
            : `good=${formatVectorSelector(indicator.good!)}`
        } total=${formatVectorSelector(indicator.total)}`
      : `latency ${indicator.histogramType} ${indicator.histogram} under ${
          indicator.thresholdSeconds
        }s ${formatVectorSelector({
          metric: '',
          matchers: indicator.matchers,
        })}`;
  const alertingText = [
    alerting.page && 'page',
    alerting.ticket && 'ticket',
    `minEvents=${alerting.minEvents}`,
    alerting.runbook && `runbook=${alerting.runbook}`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    name: slo.name,
    ...(slo.description !== undefined && { description: slo.description }),
    objective: slo.objective,
    window: slo.window,
    indicator: indicatorText,
    // Defaults are left out of the expected files.
    ...(alertingText !== 'page ticket minEvents=0' && {
      alerting: alertingText,
    }),
    ...(Object.keys(slo.labels).length > 0 && { labels: slo.labels }),
  };
}

const describeProblem = (p: ObservabilityProblem) =>
  `${p.severity}: ${p.annotation}${p.path ? ` ${p.path}` : ''}: ${p.message}`;

function readCase(file: string): {
  slos: SloSpec[];
  problems: ObservabilityProblem[];
} {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const first = YAML.parseAllDocuments(text)[0]?.toJS();
  const isOpenSlo =
    Array.isArray(first) ||
    (typeof first?.apiVersion === 'string' &&
      first.apiVersion.startsWith('openslo/'));
  if (isOpenSlo) {
    return parseOpenSloDocuments(text, {
      entityRef: 'component:default/corpus',
    });
  }
  const { spec, problems } = parseObservabilitySpec(first as Entity);
  return { slos: spec.slos, problems };
}

describe('the corpus of real-world inputs', () => {
  const cases = corpusCases();

  it('has an expected outcome for every case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const file of cases) {
      expect([
        file,
        fs.existsSync(
          path.join(CORPUS, file.replace(/\.yaml$/, '.expected.yaml')),
        ),
      ]).toEqual([file, true]);
    }
  });

  it.each(cases)('%s reads as expected', file => {
    const expected = YAML.parse(
      fs.readFileSync(
        path.join(CORPUS, file.replace(/\.yaml$/, '.expected.yaml')),
        'utf8',
      ),
    );
    const { slos, problems } = readCase(file);
    expect({
      slos: slos.map(describeSlo),
      problems: problems.map(describeProblem),
    }).toEqual(expected);
  });
});
