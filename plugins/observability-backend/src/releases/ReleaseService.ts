/*
 * Releases of entities (DESIGN §10): recording them, listing them with what each cost every SLO
 * of the entity (from the recorded SLO series in Prometheus), and the deploy gate of the
 * entity's error-budget policy.
 */
import {
  DEFAULT_DEPLOY_POLICY,
  DeployGateResponse,
  EntityReleasesResponse,
  ObservabilitySpec,
  Release,
  ReleaseImpactFigures,
  ReleaseSloImpact,
  ReleaseWithImpact,
  UpstreamWarning,
  decideDeployGate,
  formatLabelMatcher,
  formatPrometheusDuration,
  parsePrometheusDuration,
  ENTITY_LABEL,
} from '@lookout/plugin-observability-common';
import {
  SLO_ERROR_BUDGET_REMAINING,
  SLO_LABEL,
} from '@lookout/plugin-observability-node';
import { PrometheusClient } from '../signals/prometheus/PrometheusClient';
import { TimeRange } from '../signals/types';
import { requireUpstream } from '../signals/upstream/requireUpstream';
import { objectiveFraction } from '../signals/slos/sloStatus';
import { NewRelease, ReleaseStore } from '../database/releaseTypes';
import {
  budgetConsumed,
  ImpactPoint,
  impactQuery,
  POINT_LABEL,
} from './impactQuery';

/** The span before and after a release that every impact reports. */
export const IMPACT_HOUR_MS = 3_600_000;
/** Impact points per upstream query. */
const POINTS_PER_QUERY = 100;

/** Options of {@link ReleaseService}. */
export interface ReleaseServiceOptions {
  store: ReleaseStore;
  /** Absent when `observability.prometheus` is not configured: no impact, no gate. */
  prometheus?: PrometheusClient;
  /** The longer span of every impact (`observability.releases.impactSpan`), ms. */
  impactSpanMs: number;
  /** Told of each new release (the Grafana annotations of the `grafana` sink). */
  annotator?: { annotate(release: Release): Promise<void> };
  now?: () => number;
}

/** Recording, listing and gating releases. */
export class ReleaseService {
  readonly #store: ReleaseStore;
  readonly #prometheus?: PrometheusClient;
  readonly #spans: number[];
  readonly #now: () => number;
  readonly #annotator?: ReleaseServiceOptions['annotator'];

  constructor(options: ReleaseServiceOptions) {
    this.#store = options.store;
    this.#prometheus = options.prometheus;
    this.#spans = [...new Set([IMPACT_HOUR_MS, options.impactSpanMs])];
    this.#now = options.now ?? Date.now;
    this.#annotator = options.annotator;
  }

  /** Records a release (idempotent per entity and version). */
  async record(
    release: NewRelease,
  ): Promise<{ release: Release; created: boolean }> {
    const recorded = await this.#store.record(release);
    if (recorded.created) {
      await this.#annotator?.annotate(recorded.release);
    }
    return recorded;
  }

  /** The newest releases of every entity, at most `perEntity` each (the release-info series). */
  recent(perEntity: number): Promise<Release[]> {
    return this.#store.latestPerEntity(perEntity);
  }

  /** Releases in `range`, newest first, each with its impact on the entity's SLOs. */
  async list(
    spec: ObservabilitySpec,
    range: TimeRange & { limit: number },
  ): Promise<EntityReleasesResponse> {
    const releases = await this.#store.list(spec.entityRef, range);
    const warnings: UpstreamWarning[] = [];
    let items: ReleaseWithImpact[] = releases.map(r => ({ ...r, impact: [] }));
    if (this.#prometheus && spec.slos.length > 0 && releases.length > 0) {
      try {
        items = await this.#withImpact(spec, releases, warnings);
      } catch (error) {
        // The releases are still worth showing when Prometheus fails.
        warnings.push({
          upstream: 'prometheus',
          message: `release impact unavailable: ${(error as Error).message}`,
        });
      }
    }
    return { items, ...(warnings.length > 0 && { warnings }) };
  }

  async #withImpact(
    spec: ObservabilitySpec,
    releases: Release[],
    warnings: UpstreamWarning[],
  ): Promise<ReleaseWithImpact[]> {
    const now = this.#now();
    const points: ImpactPoint[] = [];
    /** Per release, per span: the indexes of its before and after points in `points`. */
    const indexes = releases.map(release =>
      this.#spans.map(spanMs => {
        const before = points.push({ end: release.at, spanMs }) - 1;
        const after =
          release.at + spanMs <= now
            ? points.push({ end: release.at + spanMs, spanMs }) - 1
            : undefined;
        return { before, after };
      }),
    );
    const ratios = new Map<string, number>(); // by `<point index> <slo>`
    for (let start = 0; start < points.length; start += POINTS_PER_QUERY) {
      const chunk = points.slice(start, start + POINTS_PER_QUERY);
      const result = await this.#prometheus!.instantQuery(
        impactQuery(spec.entityRef, chunk, start),
      );
      warnings.push(
        ...result.warnings.map(message => ({
          upstream: 'prometheus',
          message,
        })),
      );
      for (const sample of result.data) {
        if (Number.isFinite(sample.value)) {
          ratios.set(
            `${sample.labels[POINT_LABEL]} ${sample.labels[SLO_LABEL]}`,
            sample.value,
          );
        }
      }
    }
    return releases.map((release, releaseIndex) => ({
      ...release,
      impact: spec.slos.map((slo): ReleaseSloImpact => {
        const windowMs = parsePrometheusDuration(slo.window)!;
        const figures = (
          point: number,
          spanMs: number,
        ): ReleaseImpactFigures => {
          const ratio = ratios.get(`${point} ${slo.name}`);
          return ratio === undefined
            ? { errorRatio: null, budgetConsumed: null }
            : {
                errorRatio: ratio,
                budgetConsumed: budgetConsumed(
                  ratio,
                  slo.objective,
                  spanMs,
                  windowMs,
                ),
              };
        };
        return {
          slo: slo.name,
          objective: objectiveFraction(slo.objective),
          window: slo.window,
          spans: this.#spans.map((spanMs, spanIndex) => {
            const { before, after } = indexes[releaseIndex][spanIndex];
            return {
              span: formatPrometheusDuration(spanMs),
              before: figures(before, spanMs),
              after: after === undefined ? null : figures(after, spanMs),
            };
          }),
        };
      }),
    }));
  }

  /** Whether a deploy (of `kind`) is allowed now by the entity's error-budget policy. */
  async deployGate(
    spec: ObservabilitySpec,
    kind?: string,
  ): Promise<DeployGateResponse> {
    const policy = spec.deployPolicy ?? DEFAULT_DEPLOY_POLICY;
    let remaining = new Map<string, number>();
    if (spec.slos.length > 0) {
      const prometheus = requireUpstream(this.#prometheus, 'prometheus');
      const result = await prometheus.instantQuery(
        `${SLO_ERROR_BUDGET_REMAINING}{${formatLabelMatcher({
          name: ENTITY_LABEL,
          op: '=',
          value: spec.entityRef,
        })}}`,
      );
      remaining = new Map(
        result.data
          .filter(sample => Number.isFinite(sample.value))
          .map(sample => [sample.labels[SLO_LABEL], sample.value]),
      );
    }
    const decision = decideDeployGate(
      policy,
      spec.slos.map(slo => ({
        slo: slo.name,
        errorBudgetRemaining: remaining.get(slo.name) ?? null,
      })),
      kind,
    );
    return { entityRef: spec.entityRef, ...decision };
  }
}
