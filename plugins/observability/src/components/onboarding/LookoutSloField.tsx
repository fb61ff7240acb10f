/*
 * The onboarding template's SLO field (`ui:field: LookoutSloField`): availability and latency
 * objectives and the window, each checked by the backend's parser as the user types, so a bad
 * objective is underlined before the template runs.
 */
import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import {
  SloFieldInput,
  SloFieldProblem,
  sloFieldProblems,
  SloFieldValue,
} from './sloFieldProblems';

/** Name of the field in templates (`ui:field`). */
export const LOOKOUT_SLO_FIELD = 'LookoutSloField';

/** Wait this long after the last keystroke before asking the backend. */
const DEBOUNCE_MS = 300;

const INPUTS: Array<{
  input: SloFieldInput;
  label: string;
  placeholder: string;
  help: string;
}> = [
  {
    input: 'availabilityObjective',
    label: 'Availability objective (%)',
    placeholder: '99.9',
    help: 'Share of requests that succeed, above 0 and below 100.',
  },
  {
    input: 'latencyObjective',
    label: 'Latency objective (%)',
    placeholder: '99',
    help: 'Share of requests faster than the threshold.',
  },
  {
    input: 'latencyThreshold',
    label: 'Latency threshold',
    placeholder: '300ms',
    help: 'A duration, e.g. 300ms or 1.5s.',
  },
  {
    input: 'window',
    label: 'SLO window',
    placeholder: '30d',
    help: '7d to 90d; 30d when empty.',
  },
];

/** The entity ref the form has picked so far, if any (the template's `entityRef` field). */
function pickedEntityRef(formContext: unknown): string | undefined {
  const formData = (formContext as { formData?: Record<string, unknown> })
    ?.formData;
  const entityRef = formData?.entityRef;
  return typeof entityRef === 'string' && entityRef !== ''
    ? entityRef
    : undefined;
}

/** The field component. */
export function LookoutSloField(
  props: FieldExtensionComponentProps<SloFieldValue>,
) {
  const { formData, onChange, schema, formContext, rawErrors } = props;
  const value = formData ?? {};
  const api = useApi(observabilityApiRef);
  const [problems, setProblems] = useState<SloFieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const entityRef = pickedEntityRef(formContext);
  const key = JSON.stringify(value);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      sloFieldProblems(api, JSON.parse(key), entityRef).then(
        found => {
          if (current) {
            setProblems(found);
            setFailure(undefined);
          }
        },
        (error: Error) => {
          if (current) {
            // The problems found so far were about an earlier value: not shown as this one's.
            setProblems([]);
            setFailure(`Could not check the objectives: ${error.message}`);
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, entityRef]);

  return (
    <Box mb={2}>
      {schema.title && (
        <Typography variant="subtitle1" component="h3">
          {schema.title}
        </Typography>
      )}
      {schema.description && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {schema.description}
        </Typography>
      )}
      <Grid container spacing={2}>
        {INPUTS.map(({ input, label, placeholder, help }) => {
          const mine = problems.filter(p => p.input === input);
          const error = mine.find(p => p.severity === 'error');
          const message = (error ?? mine[0])?.message;
          return (
            <Grid item xs={12} sm={6} key={input}>
              <TextField
                id={`lookout-slo-${input}`}
                label={label}
                placeholder={placeholder}
                fullWidth
                margin="dense"
                value={value[input] ?? ''}
                error={Boolean(error)}
                helperText={message ?? help}
                onChange={event =>
                  onChange({ ...value, [input]: event.target.value })
                }
              />
            </Grid>
          );
        })}
      </Grid>
      {failure && <FormHelperText error>{failure}</FormHelperText>}
      {rawErrors?.length && !problems.some(p => p.severity === 'error') ? (
        <FormHelperText error>{rawErrors.join(' ')}</FormHelperText>
      ) : null}
    </Box>
  );
}
