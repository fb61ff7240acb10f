/*
 * ListItemText whose text wraps. Backstage's theme makes list item text one line with an ellipsis,
 * which cuts problem messages, hints and alert summaries off at the card's edge.
 */
import ListItemText, {
  ListItemTextProps,
} from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  root: {
    whiteSpace: 'normal',
    overflow: 'visible',
    textOverflow: 'clip',
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
});

/** `ListItemText` that wraps long lines instead of cutting them. */
export function WrappingListItemText(props: ListItemTextProps) {
  const classes = useStyles();
  return <ListItemText {...props} classes={{ root: classes.root }} />;
}
