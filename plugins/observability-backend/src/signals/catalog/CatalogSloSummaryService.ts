/*
 * `GET /slos`: the SLOs of every entity the caller may see, for the catalog-wide overview page.
 * The catalog is read with the caller's credentials (its permission rules decide what appears),
 * filtered to entities carrying an SLO annotation; one row per SLO, sorted by entity and SLO
 * name, paginated; one batched PromQL query answers the figures of the whole page.
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLOS,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  SloSummary,
  SloSummaryResponse,
  UpstreamWarning,
  errorBudgetRemainingOf,
  sloState,
} from '@lookout/plugin-observability-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  PrometheusClient,
  InstantSample,
} from '../prometheus/PrometheusClient';
import { requireUpstream } from '../upstream/requireUpstream';
import { SloSummaryQuery, SloSummaryService } from '../types';
import { EntitySpecCache } from '../EntitySpecCache';
import { summaryQuery } from '../slos/sloQueries';
import { finiteOrNull } from '../slos/seriesGrid';
import { objectiveFraction } from '../slos/sloStatus';
import {
  ALERT_ERROR_BUDGET_BURN,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_ERROR_RATIO,
} from '@lookout/plugin-observability-node';

/** Annotated entities read per catalog page, and at most in total. */
const PAGE_SIZE = 500;
const MAX_ENTITIES = 20_000;

type QueryRequest = NonNullable<Parameters<CatalogService['queryEntities']>[0]>;
/** The catalog's filter predicate (`$all`, `$any`, `$exists`…). */
type FilterPredicate = NonNullable<
  Extract<QueryRequest, { query?: unknown }>['query']
>;

type Row = Omit<SloSummary, 'errorRatio' | 'errorBudgetRemaining' | 'state'>;

/** `team-a` or `group:default/team-a` as a full owner ref. */
export function ownerRefOf(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `owner ${JSON.stringify(owner)} is not an entity reference`,
    );
  }
}

/** Rows of the page with their figures from the samples of {@link summaryQuery}. */
export function withFigures(
  rows: readonly Row[],
  samples: readonly InstantSample[],
): SloSummary[] {
  const key = (entity: string, slo: string) => `${entity}\u0000${slo}`;
  const ratios = new Map<string, Map<string, number>>();
  const budgets = new Map<string, number>();
  const firing = new Set<string>();
  for (const { labels, value } of samples) {
    const k = key(labels.backstage_entity ?? '', labels.slo ?? '');
    if (labels.__name__ === SLO_ERROR_RATIO && labels.window) {
      const byWindow = ratios.get(k) ?? new Map<string, number>();
      byWindow.set(labels.window, value);
      ratios.set(k, byWindow);
    } else if (labels.__name__ === SLO_ERROR_BUDGET_REMAINING) {
      budgets.set(k, value);
    } else if (
      labels.__name__ === 'ALERTS' &&
      labels.alertname === ALERT_ERROR_BUDGET_BURN
    ) {
      firing.add(k);
    }
  }
  return rows.map(row => {
    const k = key(row.entityRef, row.name);
    const errorRatio = finiteOrNull(ratios.get(k)?.get(row.window));
    const errorBudgetRemaining = errorBudgetRemainingOf(
      row.objective,
      errorRatio,
      finiteOrNull(budgets.get(k)),
    );
    return {
      ...row,
      errorRatio,
      errorBudgetRemaining,
      state: sloState({
        objective: row.objective,
        errorRatio,
        errorBudgetRemaining,
        firing: firing.has(k),
      }),
    };
  });
}

/** @public */
export class CatalogSloSummaryService implements SloSummaryService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      prometheus: PrometheusClient | undefined;
      specs: EntitySpecCache;
    },
  ) {}

  async getSummary(
    query: SloSummaryQuery,
    credentials: BackstageCredentials,
  ): Promise<SloSummaryResponse> {
    const entities = await this.#annotatedEntities(query.owner, credentials);
    const rows = entities.flatMap(entity => this.#rowsOf(entity));
    rows.sort((a, b) =>
      a.entityRef === b.entityRef
        ? a.name.localeCompare(b.name)
        : a.entityRef.localeCompare(b.entityRef),
    );
    const page = rows.slice(query.offset, query.offset + query.limit);
    const base = {
      totalItems: rows.length,
      offset: query.offset,
      limit: query.limit,
    };
    if (page.length === 0) {
      return { items: [], ...base };
    }
    const prometheus = requireUpstream(this.options.prometheus, 'prometheus');
    const refs = [...new Set(page.map(r => r.entityRef))];
    const windows = [...new Set(page.map(r => r.window))];
    const result = await prometheus.instantQuery(summaryQuery(refs, windows));
    const warnings: UpstreamWarning[] = result.warnings.map(message => ({
      upstream: 'prometheus',
      message,
    }));
    return {
      items: withFigures(page, result.data),
      ...base,
      ...(warnings.length > 0 && { warnings }),
    };
  }

  #rowsOf(entity: Entity): Row[] {
    const { spec } = this.options.specs.parse(entity);
    const owner =
      typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
    return spec.slos.map(slo => ({
      entityRef: spec.entityRef,
      ...(owner && { owner }),
      ...(entity.metadata.title && { title: entity.metadata.title }),
      name: slo.name,
      objective: objectiveFraction(slo.objective),
      window: slo.window,
    }));
  }

  async #annotatedEntities(
    owner: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const annotated: FilterPredicate = {
      $any: [
        {
          [`metadata.annotations.${ANNOTATION_SLO_AVAILABILITY}` as const]: {
            $exists: true,
          },
        },
        {
          [`metadata.annotations.${ANNOTATION_SLO_LATENCY}` as const]: {
            $exists: true,
          },
        },
        {
          [`metadata.annotations.${ANNOTATION_SLOS}` as const]: {
            $exists: true,
          },
        },
        {
          [`metadata.annotations.${ANNOTATION_OPENSLO}` as const]: {
            $exists: true,
          },
        },
      ],
    };
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const response = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              query: annotated,
              ...(owner && {
                filter: { 'relations.ownedBy': ownerRefOf(owner) },
              }),
              limit: PAGE_SIZE,
              fields: ['kind', 'metadata', 'spec.owner'],
            },
        { credentials },
      );
      entities.push(...response.items);
      cursor = response.pageInfo.nextCursor;
    } while (cursor && entities.length < MAX_ENTITIES);
    return entities;
  }
}
