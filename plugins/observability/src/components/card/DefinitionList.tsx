/*
 * A compact two-column term/description list for the card's settings.
 */
import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  description: { margin: 0, overflowWrap: 'anywhere' },
}));

/** Props of {@link DefinitionList}. */
export interface DefinitionListProps {
  items: Array<{ term: string; description: ReactNode }>;
}

/** `<dl>` with one row per item. */
export function DefinitionList(props: DefinitionListProps) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.items.map(item => (
        <div key={item.term} style={{ display: 'contents' }}>
          <dt className={classes.term}>{item.term}</dt>
          <dd className={classes.description}>{item.description}</dd>
        </div>
      ))}
    </dl>
  );
}
