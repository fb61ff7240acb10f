/*
 * A one-line query field (LogQL pipeline, TraceQL condition) validated as the user types: the
 * error names the column and quotes the text from there. Enter runs the query when it is valid.
 */
import { useMemo } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { useUniqueId } from '../../lib/useUniqueId';
import { makeStyles } from '@material-ui/core/styles';
import { QueryValidation } from '@lookout/plugin-observability-common';
import { QueryDraft } from './useQueryDraft';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  field: { flex: 1 },
  input: { fontFamily: 'monospace' },
  run: { marginTop: theme.spacing(1) },
}));

/** Props of {@link QueryInput}. */
export interface QueryInputProps {
  label: string;
  placeholder?: string;
  /** Shown under the field while the query is valid. */
  helperText: string;
  validate: (text: string) => QueryValidation;
  /** The text being typed, and the search to submit (when valid) on Enter or Run. */
  search: Pick<QueryDraft<unknown>, 'draft' | 'setDraft' | 'submit'>;
}

function describe(
  text: string,
  validation: QueryValidation,
): string | undefined {
  if (validation.valid) {
    return undefined;
  }
  const rest = text.slice(validation.position, validation.position + 24);
  return rest ? `${validation.message}, near “${rest}”` : validation.message;
}

/** A monospace text field with inline validation and a Run button. */
export function QueryInput(props: QueryInputProps) {
  const classes = useStyles();
  const id = useUniqueId('lookout-query');
  const { search, validate } = props;
  const value = search.draft;
  const validation = useMemo(() => validate(value), [validate, value]);
  const error = describe(value, validation);
  return (
    <form
      className={classes.root}
      onSubmit={event => {
        event.preventDefault();
        if (validation.valid) {
          search.submit();
        }
      }}
    >
      <TextField
        id={id}
        className={classes.field}
        label={props.label}
        value={value}
        placeholder={props.placeholder}
        onChange={event => search.setDraft(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? props.helperText}
        variant="outlined"
        size="small"
        margin="dense"
        InputProps={{ classes: { input: classes.input } }}
        inputProps={{ spellCheck: false, 'aria-invalid': Boolean(error) }}
      />
      <Button
        className={classes.run}
        type="submit"
        variant="contained"
        color="primary"
        disabled={!validation.valid}
      >
        Run
      </Button>
    </form>
  );
}
