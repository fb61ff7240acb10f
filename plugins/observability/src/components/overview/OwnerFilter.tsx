/*
 * Owner filter of the SLO overview: free text (an owner reference such as
 * `group:default/team-a`) with the owners seen so far as suggestions.
 */
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** Props of {@link OwnerFilter}. */
export interface OwnerFilterProps {
  value: string;
  options: string[];
  onChange: (owner: string) => void;
}

/** An Autocomplete that commits on selection, Enter or clear. */
export function OwnerFilter(props: OwnerFilterProps) {
  return (
    <Autocomplete
      freeSolo
      options={props.options}
      value={props.value || null}
      onChange={(_event, value) => props.onChange((value ?? '').trim())}
      style={{ minWidth: 320 }}
      renderInput={params => (
        <TextField
          {...params}
          label="Owner"
          placeholder="group:default/team-a"
          variant="outlined"
          size="small"
        />
      )}
    />
  );
}
