/*
 * Empty state of a Lookout view on an entity without the annotations it needs: which
 * annotations to add, what each does, and a catalog-info.yaml snippet to start from.
 */
import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { annotationDocs, annotationsYaml } from '../../lib/annotationsYaml';
import { LabelledTable } from './LabelledTable';

const COLUMNS = ['Annotation', 'Meaning', 'Default'];

/** Props of {@link MissingAnnotationsPanel}. */
export interface MissingAnnotationsPanelProps {
  title: string;
  /** Annotations the view reads, listed with their documentation. */
  annotations: readonly string[];
  /** Annotations of the YAML example; defaults to `annotations`. */
  example?: readonly string[];
}

/** An EmptyState listing the annotations with a YAML example. */
export function MissingAnnotationsPanel(props: MissingAnnotationsPanelProps) {
  const docs = annotationDocs(props.annotations);
  const exampleDocs = annotationDocs(props.example ?? props.annotations);
  return (
    <EmptyState
      missing="field"
      title={props.title}
      description="Add these annotations to the entity's catalog-info.yaml; Lookout provisions scraping, SLO rules, alerts and dashboards from them."
      action={
        <Box maxWidth={720}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Example
          </Typography>
          <CodeSnippet
            language="yaml"
            text={annotationsYaml(exampleDocs)}
            showCopyCodeButton
          />
          <Box mt={2}>
            <LabelledTable label="Lookout annotations" columns={COLUMNS}>
              {docs.map(doc => (
                <TableRow key={doc.annotation}>
                  <TableCell>
                    <code>{doc.annotation}</code>
                  </TableCell>
                  <TableCell>{doc.description}</TableCell>
                  <TableCell>{doc.default ?? '–'}</TableCell>
                </TableRow>
              ))}
            </LabelledTable>
          </Box>
        </Box>
      }
    />
  );
}
