/*
 * Reading the peers' golden rule files and putting rule groups in a form that compares equal
 * when two rule sets are the same modulo formatting: expressions as lezer-promql signatures,
 * labels and annotations as sorted maps. Used by the emitters' golden tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';
import { promqlSignature } from './promqlSignature';

/** A rule group as read from a rule file (only the fields rule files define). */
export interface RuleGroupLike {
  name: string;
  interval?: string;
  partial_response_strategy?: string;
  rules: Array<{
    record?: string;
    alert?: string;
    expr: string;
    for?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  }>;
}

const FIXTURES = resolvePackagePath('bench', 'src/emulators/__fixtures__');

/**
 * Renders the Go-template placeholders Sloth's integration fixtures carry: `{{ .version }}` and
 * escaped template text such as `{{"{{$labels.sloth_slo}}"}}`.
 */
export function renderSlothTemplate(text: string, version: string): string {
  return text
    .replace(/\{\{ \.version \}\}/g, version)
    .replace(/\{\{"(.*?)"\}\}/g, (_, inner: string) => inner);
}

/** The rule groups of a golden file under `__fixtures__/` (`sloth/...` or `pyrra/...`). */
export function readGoldenGroups(
  file: string,
  options: { slothVersion?: string } = {},
): RuleGroupLike[] {
  let text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  if (file.endsWith('.tpl')) {
    text = renderSlothTemplate(text, options.slothVersion ?? 'dev');
  }
  const document = parse(text) as { groups?: RuleGroupLike[] };
  if (!Array.isArray(document?.groups)) {
    throw new TypeError(`${file}: no rule groups`);
  }
  return document.groups;
}

function sortedMap(
  map?: Record<string, unknown>,
): Record<string, string> | undefined {
  if (!map) {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) {
    out[key] = String(map[key]);
  }
  return out;
}

/**
 * `groups` in a form where formatting no longer matters: each expression replaced by its
 * lezer-promql signature, maps sorted, absent fields left out.
 */
export function comparableGroups(groups: RuleGroupLike[]): object[] {
  return groups.map(group => ({
    name: group.name,
    ...(group.interval ? { interval: group.interval } : {}),
    ...(group.partial_response_strategy
      ? { partial_response_strategy: group.partial_response_strategy }
      : {}),
    rules: group.rules.map(rule => ({
      ...(rule.record ? { record: rule.record } : {}),
      ...(rule.alert ? { alert: rule.alert } : {}),
      expr: promqlSignature(String(rule.expr)),
      ...(rule.for ? { for: rule.for } : {}),
      ...(rule.labels ? { labels: sortedMap(rule.labels) } : {}),
      ...(rule.annotations ? { annotations: sortedMap(rule.annotations) } : {}),
    })),
  }));
}
