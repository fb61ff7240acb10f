/*
 * SLOs that cannot measure anything: a ratio whose bad (or good) events are selected exactly as
 * its total. Such an SLO is always broken (errors = total) or never (good = total); the parser
 * warns about it. (An objective so low that no tier can fire is reported by the tier warnings.)
 */
import { formatVectorSelector } from '../promql/formatVectorSelector';
import { SloSpec, VectorSelector } from '../spec/types';

function canonical(selector: VectorSelector): string {
  const matchers = [...selector.matchers].sort((a, b) =>
    `${a.name}${a.op}${a.value}`.localeCompare(`${b.name}${b.op}${b.value}`),
  );
  return formatVectorSelector({ metric: selector.metric, matchers });
}

/** Where and why an indicator measures nothing, or undefined. @public */
export function measuresNothing(
  indicator: SloSpec['indicator'],
): { path: string; message: string } | undefined {
  if (indicator.type !== 'ratio') {
    return undefined;
  }
  const total = canonical(indicator.total);
  if (indicator.errors && canonical(indicator.errors) === total) {
    return {
      path: 'ratio.errors',
      message:
        'selects the same series as total: every event counts as an error, so the SLO is always broken and measures nothing; add the matcher that picks failed events, e.g. code=~"5.."',
    };
  }
  if (indicator.good && canonical(indicator.good) === total) {
    return {
      path: 'ratio.good',
      message:
        'selects the same series as total: no event is ever bad, so the SLO can never be broken and measures nothing; add the matcher that picks successful events, e.g. code!~"5.."',
    };
  }
  return undefined;
}
