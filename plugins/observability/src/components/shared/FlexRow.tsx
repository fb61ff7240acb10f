/*
 * A row of a tab's pieces, centred on one line: query controls that wrap onto more lines on a
 * narrow screen, or a title and what goes with it pushed to both ends.
 */
import { PropsWithChildren } from 'react';
import Box from '@material-ui/core/Box';
import { useTheme } from '@material-ui/core/styles';

/** Props of {@link FlexRow}. */
export interface FlexRowProps {
  /** Wrap onto more lines when the row is too narrow. */
  wrap?: boolean;
  /** Push the first and the last child to the two ends. */
  spread?: boolean;
  /** Space between the children, in theme spacing units. */
  gap?: number;
  /** Margin above, in theme spacing units. */
  mt?: number;
  /** Margin below, in theme spacing units. */
  mb?: number;
}

/** A flex row with its children vertically centred. */
export function FlexRow(props: PropsWithChildren<FlexRowProps>) {
  const theme = useTheme();
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap={props.wrap ? 'wrap' : undefined}
      justifyContent={props.spread ? 'space-between' : undefined}
      mt={props.mt}
      mb={props.mb}
      style={props.gap ? { gap: theme.spacing(props.gap) } : undefined}
    >
      {props.children}
    </Box>
  );
}
