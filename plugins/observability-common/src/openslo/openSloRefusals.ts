/*
 * What Lookout answers to each OpenSLO feature it does not map (docs/openslo.md quotes these
 * texts): refusals are errors that leave the SLO out, the alerting documents are warnings.
 */
import { problemMessages } from '../validation/problemMessages';

/** The message for each OpenSLO feature Lookout does not map. @internal */
export const OPENSLO_REFUSALS = {
  thresholdMetric:
    'uses thresholdMetric, which Lookout does not support: an SLO here is a ratio of counters; expected ratioMetric with good (or bad) and total counters',
  raw: 'precomputed raw ratios are not supported: Lookout needs the counters to weigh windows by traffic; expected good (or bad) and total counters',
  counterFalse:
    'counter: false is not supported: Lookout computes rates of counters; use counters with counter: true',
  budgetingMethod:
    'Lookout supports Occurrences only (errors over all events in the window); Timeslices and RatioTimeslices are not supported',
  timeslices:
    'timeslice objectives are not supported: Lookout counts occurrences (errors over all events in the window); remove it and use budgetingMethod: Occurrences',
  calendar:
    'calendar-aligned windows are not supported; expected a rolling window: isRolling: true',
  composite:
    'composite SLOs (an indicator per objective) are not supported; define one SLO per indicator',
  thresholdObjective:
    'compares a thresholdMetric, which Lookout does not support; remove it (a ratioMetric objective has only a target)',
  severalObjectives: (count: number) =>
    `has ${count} objectives; Lookout supports one per SLO: define one SLO per objective`,
  alertPolicies:
    'alertPolicies are ignored: Lookout generates multi-window burn-rate alerts for every SLO',
  alertingKind: (kind: string) =>
    `${kind} documents are ignored: Lookout generates multi-window burn-rate alerts for every SLO`,
  anySource:
    'found "Any", the OpenSLO examples\' placeholder for any source; Lookout reads Prometheus sources only: expected Prometheus',
  otherSource: (type: unknown) =>
    problemMessages.foundExpected(
      type,
      'Lookout reads Prometheus sources only: expected Prometheus',
    ),
};
