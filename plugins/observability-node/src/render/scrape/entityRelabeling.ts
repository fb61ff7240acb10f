/*
 * The relabelling that gives every scraped series of an entity the `backstage_entity` target
 * label (DESIGN §2), so presets, dashboards and the signals API select an entity's series by it.
 */
import { ENTITY_LABEL } from '@lookout/plugin-observability-common';

/** A prometheus-operator `RelabelConfig`. @public */
export interface RelabelConfig {
  action: 'replace';
  targetLabel: string;
  replacement: string;
}

/** Relabelling that sets `backstage_entity="<entityRef>"` on every target. @public */
export function entityRelabelings(entityRef: string): RelabelConfig[] {
  return [
    { action: 'replace', targetLabel: ENTITY_LABEL, replacement: entityRef },
  ];
}
