/*
 * A section of the Metrics tab: an outlined panel named and headed by its title, with optional
 * secondary lines (where the data came from, why there is none) above its content.
 */
import { PropsWithChildren, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { PaperPanel } from '../shared/PaperPanel';

/** Props of {@link MetricsSection}. */
export interface MetricsSectionProps {
  title: string;
  /** Secondary lines under the heading; falsy ones are left out. */
  notes?: ReactNode[];
}

/** The titled panel, its notes, then its content. */
export function MetricsSection(props: PropsWithChildren<MetricsSectionProps>) {
  return (
    <PaperPanel label={props.title}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.notes?.filter(Boolean).map((note, index) => (
        <Typography key={index} variant="body2" color="textSecondary" paragraph>
          {note}
        </Typography>
      ))}
      {props.children}
    </PaperPanel>
  );
}
