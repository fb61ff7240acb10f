/*
 * Selectors the generated rules can carry on Prometheus 2 and 3 alike. A UTF-8 metric name is
 * written as a `__name__` matcher, which both read; a UTF-8 label name can only be written
 * quoted (`{"http.code"="500"}`), which Prometheus 2 cannot parse, so it is refused.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { VectorSelector } from '../spec/types';
import { isLegacyLabelName } from './names';

/** `selector` if its rules load on Prometheus 2 and 3; else why not. @public */
export function requirePrometheus2Selector(
  selector: VectorSelector,
): Parsed<VectorSelector> {
  const utf8 = selector.matchers.find(m => !isLegacyLabelName(m.name));
  if (utf8) {
    return invalid(
      `the label name ${JSON.stringify(
        utf8.name,
      )} needs Prometheus 3 (UTF-8 names); Prometheus 2 cannot parse it, and Lookout's rules must ` +
        'load on both: relabel it at scrape time to a name of letters, digits and "_" (e.g. ' +
        `${utf8.name.replace(/[^A-Za-z0-9_]/g, '_')})`,
    );
  }
  return valid(selector);
}
