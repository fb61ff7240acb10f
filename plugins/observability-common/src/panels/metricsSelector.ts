/*
 * `lookout.dev/metrics-selector`: the series of an entity that Lookout does not scrape (another
 * scrape config collects them, without the `backstage_entity` label). Label matchers only, each
 * an equality with a value, e.g. `{job="checkout", namespace="shop"}`: every panel selector must
 * then carry all of them, as `backstage_entity="<ref>"` otherwise. A regular expression, an
 * exclusion or an empty value could reach other entities' series, so none is accepted.
 */
import { ENTITY_LABEL } from '../annotations/annotations';
import { parseVectorSelector } from '../promql/vectorSelector';
import { LabelMatcher } from '../spec/types';
import { describeValue } from '../validation/describeValue';
import { Parsed, invalid, valid } from '../validation/result';

const EXAMPLE = '{job="checkout", namespace="shop"}';

/**
 * Parses the value of `lookout.dev/metrics-selector`: its matchers, in order.
 * @public
 */
export function parseMetricsSelector(text: string): Parsed<LabelMatcher[]> {
  const parsed = parseVectorSelector(text.trim(), { metricSupplied: true });
  if (!parsed.ok) {
    return parsed;
  }
  const { metric, matchers } = parsed.value;
  if (metric !== '' || matchers.some(m => m.name === '__name__')) {
    return invalid(
      `${describeValue(
        text,
      )} names a metric; the selector says which series are the entity's, whatever their metric: label matchers only, e.g. ${EXAMPLE}`,
    );
  }
  if (matchers.length === 0) {
    return invalid(
      `${describeValue(text)} has no matcher; expected e.g. ${EXAMPLE}`,
    );
  }
  const loose = matchers.find(m => m.op !== '=' || m.value === '');
  if (loose) {
    return invalid(
      `${describeValue(text)} matches ${loose.name} with ${
        loose.op
      }${JSON.stringify(
        loose.value,
      )}, which can reach other entities' series; only equalities with a value confine panels to the entity, e.g. ${EXAMPLE}`,
    );
  }
  if (matchers.some(m => m.name === ENTITY_LABEL)) {
    return invalid(
      `${describeValue(
        text,
      )} matches ${ENTITY_LABEL}; series that carry it need no selector (panels use ${ENTITY_LABEL}="<entity ref>")`,
    );
  }
  const names = matchers.map(m => m.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) {
    return invalid(
      `${describeValue(text)} matches ${twice} twice; give each label once`,
    );
  }
  return valid(matchers);
}
