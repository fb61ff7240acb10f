/*
 * The indicator of an `openslo/v1` SLI spec (an `SLI` document's or an inline one): a
 * `ratioMetric` of Prometheus counters, read directly or through a `DataSource` document.
 */
import { RatioIndicator, VectorSelector } from '../spec/types';
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { OPENSLO_V1_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloDocument } from './readOpenSloDocuments';
import { readOpenSloQuery } from './openSloReaders';

/** What reading an SLI needs: where to report, and the DataSource documents of the text. @internal */
export interface OpenSloV1Sources {
  problems: OpenSloProblems;
  dataSources: Map<string, OpenSloDocument>;
}

const PLACES = FIELDS.placements;

/**
 * The ratio indicator of an SLI spec; `fieldsChecked` when the caller has checked the spec's
 * own fields already.
 * @internal
 */
export function readSliSpec(
  spec: unknown,
  path: OpenSloPath,
  context: OpenSloV1Sources,
  fieldsChecked: boolean,
): RatioIndicator | undefined {
  const { problems } = context;
  if (!isPlainMap(spec)) {
    problems.error(
      path,
      problemMessages.foundExpected(
        spec,
        'expected an SLI spec with ratioMetric',
      ),
    );
    return undefined;
  }
  if (!fieldsChecked) {
    problems.checkFields(spec, path, FIELDS.sliSpec, PLACES);
  }
  if (spec.ratioMetric === undefined) {
    problems.error(
      path,
      spec.thresholdMetric !== undefined
        ? REFUSED.thresholdMetric
        : 'has no ratioMetric; expected ratioMetric with good (or bad) and total counters',
    );
    return undefined;
  }
  const ratioPath = [...path, 'ratioMetric'];
  const ratio = spec.ratioMetric;
  if (!isPlainMap(ratio)) {
    problems.error(
      ratioPath,
      problemMessages.foundExpected(ratio, 'expected good (or bad) and total'),
    );
    return undefined;
  }
  problems.checkFields(ratio, ratioPath, FIELDS.ratioMetric, PLACES);
  if (ratio.raw !== undefined) {
    // A raw ratio has no good, bad or total: one refusal says it all.
    problems.error([...ratioPath, 'raw'], REFUSED.raw);
    return undefined;
  }
  let ok = true;
  if (ratio.counter === false) {
    problems.error([...ratioPath, 'counter'], REFUSED.counterFalse);
    ok = false;
  }
  if (ratio.good !== undefined && ratio.bad !== undefined) {
    problems.error(
      ratioPath,
      'has both good and bad; give exactly one of them next to total',
    );
    ok = false;
  } else if (ratio.good === undefined && ratio.bad === undefined) {
    problems.error(ratioPath, 'needs good or bad next to total');
    ok = false;
  }
  const read = (field: 'good' | 'bad' | 'total') =>
    ratio[field] === undefined
      ? undefined
      : readMetric(ratio[field], [...ratioPath, field], context);
  const good = read('good');
  const bad = read('bad');
  const total = read('total');
  if (ratio.total === undefined) {
    problems.error(
      [...ratioPath, 'total'],
      problemMessages.missing('expected the counter of all events'),
    );
  }
  if (
    !ok ||
    !total ||
    (ratio.good !== undefined && !good) ||
    (ratio.bad !== undefined && !bad)
  ) {
    return undefined;
  }
  return { type: 'ratio', ...(bad ? { errors: bad } : { good }), total };
}

function readMetric(
  value: unknown,
  path: OpenSloPath,
  context: OpenSloV1Sources,
): VectorSelector | undefined {
  const { problems } = context;
  if (isPlainMap(value)) {
    problems.checkFields(value, path, FIELDS.metric, PLACES);
  }
  const source = isPlainMap(value) ? value.metricSource : undefined;
  const sourcePath = [...path, 'metricSource'];
  if (!isPlainMap(source)) {
    problems.error(
      sourcePath,
      problemMessages.foundExpected(
        source,
        'expected metricSource with type: Prometheus and spec.query',
      ),
    );
    return undefined;
  }
  problems.checkFields(source, sourcePath, FIELDS.metricSource, PLACES);
  let type = source.type;
  let typePath: OpenSloPath = [...sourcePath, 'type'];
  if (type === undefined && source.metricSourceRef !== undefined) {
    const dataSource =
      typeof source.metricSourceRef === 'string'
        ? context.dataSources.get(source.metricSourceRef)
        : undefined;
    const dataSourceSpec =
      dataSource && isPlainMap(dataSource.body.spec)
        ? dataSource.body.spec
        : undefined;
    if (!dataSource || !dataSourceSpec) {
      problems.error(
        [...sourcePath, 'metricSourceRef'],
        `names no DataSource document in this file: ${JSON.stringify(
          source.metricSourceRef,
        )}`,
      );
      return undefined;
    }
    type = dataSourceSpec.type;
    typePath = [...dataSource.path, 'spec', 'type'];
  }
  if (type === 'Any') {
    problems.error(typePath, REFUSED.anySource);
    return undefined;
  }
  if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
    problems.error(typePath, REFUSED.otherSource(type));
    return undefined;
  }
  const specPath = [...sourcePath, 'spec'];
  if (!isPlainMap(source.spec)) {
    problems.error(
      specPath,
      problemMessages.foundExpected(
        source.spec,
        `expected a map with the query, e.g. { query: 'http_requests_total{job="checkout"}' }`,
      ),
    );
    return undefined;
  }
  problems.checkFields(source.spec, specPath, FIELDS.prometheusQuery, PLACES);
  return readOpenSloQuery(source.spec.query, [...specPath, 'query'], problems);
}
