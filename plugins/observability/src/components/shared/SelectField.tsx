/*
 * A small outlined select of the query controls (level, order, number of lines or traces): the
 * options as values with their labels; a change hands back the chosen option's own value.
 */
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** One choice of a {@link SelectField}. */
export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps<T extends string | number> {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onChange: (value: T) => void;
  /** Width in pixels the field keeps whatever option is shown. */
  minWidth: number;
}

/** An outlined, small `TextField select` with one menu item per option. */
export function SelectField<T extends string | number>(
  props: SelectFieldProps<T>,
) {
  const { options, onChange } = props;
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      size="small"
      variant="outlined"
      value={props.value}
      onChange={event => {
        const chosen = options.find(
          option => option.value === event.target.value,
        );
        if (chosen) {
          onChange(chosen.value);
        }
      }}
      style={{ minWidth: props.minWidth }}
    >
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
