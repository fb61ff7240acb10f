/*
 * Every problem the backend found in the entity's annotations, each with the annotation (and
 * path inside it), the message and a hint: the documented example of that annotation.
 */
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import { ObservabilityProblem } from '@lookout/plugin-observability-common';
import { annotationDoc } from '../../lib/annotationsYaml';
import { CardSection } from './CardSection';
import { WrappingListItemText } from '../shared/WrappingListItemText';

/** `lookout.dev/slos[1].ratio.errors`: the annotation followed by the path inside it. */
export function problemLocation(problem: ObservabilityProblem): string {
  if (!problem.path) {
    return problem.annotation;
  }
  const separator = problem.path.startsWith('[') ? '' : '.';
  return `${problem.annotation}${separator}${problem.path}`;
}

/** The hint shown under a problem. */
export function problemHint(problem: ObservabilityProblem): string {
  const doc = annotationDoc(problem.annotation);
  if (!doc) {
    return `${problem.annotation} is not a Lookout annotation: check its spelling.`;
  }
  const example = doc.example.includes('\n')
    ? doc.example.split('\n')[0]
    : doc.example;
  return `Example: ${doc.annotation}: ${example}${
    doc.example.includes('\n') ? ' …' : ''
  }`;
}

/** Props of {@link CardProblems}. */
export interface CardProblemsProps {
  problems: ObservabilityProblem[];
}

/** Errors first, then warnings. */
export function CardProblems(props: CardProblemsProps) {
  const theme = useTheme();
  const problems = [...props.problems].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  if (problems.length === 0) {
    return null;
  }
  const errors = problems.filter(p => p.severity === 'error').length;
  return (
    <CardSection
      title={`Annotation problems (${errors} error${errors === 1 ? '' : 's'}, ${
        problems.length - errors
      } warning${problems.length - errors === 1 ? '' : 's'})`}
    >
      <List dense disablePadding>
        {problems.map((problem, index) => (
          <ListItem key={index} disableGutters alignItems="flex-start">
            <ListItemIcon>
              {problem.severity === 'error' ? (
                <ErrorIcon
                  titleAccess="error"
                  style={{ color: theme.palette.error.main }}
                />
              ) : (
                <WarningIcon
                  titleAccess="warning"
                  style={{ color: theme.palette.warning.main }}
                />
              )}
            </ListItemIcon>
            <WrappingListItemText
              disableTypography
              primary={
                <Typography variant="body2">
                  <code>{problemLocation(problem)}</code>: {problem.message}
                </Typography>
              }
              secondary={
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                >
                  {problemHint(problem)}
                </Typography>
              }
            />
          </ListItem>
        ))}
      </List>
    </CardSection>
  );
}
