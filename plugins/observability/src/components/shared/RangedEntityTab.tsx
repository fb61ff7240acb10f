/*
 * The frame of a tab that charts the entity over a time range (SLOs, Metrics): the empty state
 * when the entity lacks the annotations the tab reads, otherwise the title, the time range
 * picker and the tab's body for the chosen range.
 */
import { ReactNode, useState } from 'react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { TimeRange } from '../../lib/timeRange';
import { MissingAnnotationsPanel } from './MissingAnnotationsPanel';
import { TabHeader } from './TabHeader';

/** Props of {@link RangedEntityTab}. */
export interface RangedEntityTabProps {
  title: string;
  defaultRange: TimeRange;
  /** Whether the entity declares what the tab shows. */
  declared: (entity: Entity) => boolean;
  /** The empty state's title and the annotations it lists. */
  missing: { title: string; annotations: readonly string[] };
  children: (entityRef: string, range: TimeRange) => ReactNode;
}

/** A tab over a time range, or the annotations to add when the entity has none it reads. */
export function RangedEntityTab(props: RangedEntityTabProps) {
  const { entity } = useEntity();
  const [range, setRange] = useState<TimeRange>(props.defaultRange);
  if (!props.declared(entity)) {
    return (
      <MissingAnnotationsPanel
        title={props.missing.title}
        annotations={props.missing.annotations}
      />
    );
  }
  return (
    <Box>
      <TabHeader title={props.title} range={range} onRangeChange={setRange} />
      {props.children(stringifyEntityRef(entity), range)}
    </Box>
  );
}
