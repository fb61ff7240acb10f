/*
 * The Overview tab card: everything Lookout understood from the entity's annotations (scrape,
 * SLOs, logs, traces, dashboard), every problem found in them, and, when those routes answer,
 * SLO budgets, firing alerts and provisioning status. A failing status route only degrades its
 * own section.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  hasMetricsTab,
  LOOKOUT_ANNOTATIONS,
  ANNOTATION_METRICS_PORT,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_LOGS_SELECTOR,
} from '@lookout/plugin-observability-common';
import useAsync from 'react-use/esm/useAsync';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { MissingAnnotationsPanel } from '../shared/MissingAnnotationsPanel';
import { OnboardingTemplateButton } from '../onboarding/OnboardingTemplateButton';
import { SignalErrorPanel } from '../shared/SignalErrorPanel';
import { CardAlerts } from './CardAlerts';
import { CardPaging } from './CardPaging';
import { CardProblems } from './CardProblems';
import { CardProvisioning } from './CardProvisioning';
import { CardReleases } from './CardReleases';
import { CardSignals } from './CardSignals';
import { CardSlos } from './CardSlos';

/** Props of {@link EntityObservabilityCard}. @public */
export interface EntityObservabilityCardProps {
  /** InfoCard variant, e.g. `gridItem` on the Overview tab. */
  variant?: InfoCardVariants;
}

const TITLE = 'Observability';

/** Annotations of the empty state's YAML example: a service with scraping, SLOs and logs. */
const EXAMPLE_ANNOTATIONS = [
  ANNOTATION_METRICS_PORT,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_LOGS_SELECTOR,
];

/** Live status window of the card: budgets are over the SLO window whatever the range. */
const STATUS_RANGE_MS = 3_600_000;

function CardContent(props: { entityRef: string }) {
  const { entityRef } = props;
  const api = useApi(observabilityApiRef);
  const config = useAsync(() => api.getConfig(entityRef), [api, entityRef]);
  const slos = useAsync(() => {
    const now = Date.now();
    return api.getSlos(entityRef, { from: now - STATUS_RANGE_MS, to: now });
  }, [api, entityRef]);
  const provisioning = useAsync(
    () => api.getProvisioning(entityRef),
    [api, entityRef],
  );

  if (config.loading) {
    return <Progress />;
  }
  if (config.error || !config.value) {
    return (
      <SignalErrorPanel
        what="the observability configuration"
        error={config.error ?? new Error('empty response')}
      />
    );
  }
  const { spec, problems } = config.value;
  return (
    <>
      <CardProblems problems={problems} />
      {problems.length > 0 && (
        <OnboardingTemplateButton entityRef={entityRef}>
          Fix with the template
        </OnboardingTemplateButton>
      )}
      <CardSlos
        slos={spec.slos}
        statuses={slos.value?.items}
        loading={slos.loading}
        error={slos.error}
      />
      {slos.value && <CardAlerts statuses={slos.value.items} />}
      <CardPaging paging={config.value.paging} />
      <CardSignals spec={spec} />
      {spec.slos.length > 0 && <CardReleases entityRef={entityRef} />}
      <CardProvisioning
        value={provisioning.value}
        loading={provisioning.loading}
        error={provisioning.error}
      />
    </>
  );
}

/**
 * Overview card of an entity's Lookout setup; an empty state with the annotations to add when
 * the entity has none.
 * @public
 */
export function EntityObservabilityCard(props: EntityObservabilityCardProps) {
  const { entity } = useEntity();
  if (!hasMetricsTab(entity)) {
    return (
      <InfoCard title={TITLE} variant={props.variant}>
        <OnboardingTemplateButton entityRef={stringifyEntityRef(entity)}>
          Add observability
        </OnboardingTemplateButton>
        <MissingAnnotationsPanel
          title="No Lookout annotations"
          annotations={LOOKOUT_ANNOTATIONS.map(doc => doc.annotation)}
          example={EXAMPLE_ANNOTATIONS}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={TITLE} variant={props.variant}>
      <CardContent entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}
