/*
 * A titled section of the overview card.
 */
import { PropsWithChildren } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** Props of {@link CardSection}. */
export interface CardSectionProps {
  title: string;
}

/** A heading and its content, spaced like the rest of the card. */
export function CardSection(props: PropsWithChildren<CardSectionProps>) {
  return (
    <Box component="section" mb={2} aria-label={props.title}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
