/*
 * `lookout:annotations:validate`: checks the Lookout annotations of a catalog file's entities
 * with the catalog's parser and outputs the problems, for any template that writes annotations.
 */
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { findCatalogDocument } from '../catalogFile/catalogDocuments';
import {
  AnnotationsActionOptions,
  checkAnnotations,
} from '../catalogFile/checkAnnotations';
import {
  DEFAULT_CATALOG_FILE,
  filePathInput,
  readCatalogFile,
} from './catalogFileInput';

/**
 * Creates the `lookout:annotations:validate` action.
 * @public
 */
export function createValidateAnnotationsAction(
  options: AnnotationsActionOptions = {},
) {
  return createTemplateAction({
    id: 'lookout:annotations:validate',
    description:
      "Validates the Lookout annotations of a catalog file's entities (all, or the one named by entityRef) and outputs the problems",
    supportsDryRun: true,
    schema: {
      input: {
        filePath: filePathInput,
        entityRef: z =>
          z
            .string()
            .optional()
            .describe('Only this entity, e.g. component:default/checkout'),
        failOnError: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Fail the step when any annotation has an error (default true)',
            ),
      },
      output: {
        valid: z => z.boolean().describe('No error was found'),
        problems: z =>
          z
            .array(
              z.object({
                entityRef: z.string(),
                severity: z.enum(['error', 'warning']),
                annotation: z.string(),
                path: z.string(),
                message: z.string(),
              }),
            )
            .describe(
              "Every problem, in the config route's shape plus the entity ref",
            ),
        lines: z =>
          z.array(z.string()).describe('The problems as the CLI prints them'),
      },
    },
    async handler(ctx) {
      const {
        filePath = DEFAULT_CATALOG_FILE,
        entityRef,
        failOnError = true,
      } = ctx.input;
      const { documents } = await readCatalogFile(ctx.workspacePath, filePath);
      const selected = entityRef
        ? [findCatalogDocument(documents, filePath, entityRef)]
        : documents;
      const checks = selected.map(document => ({
        entityRef: document.entityRef,
        ...checkAnnotations(document, options.parseOptions),
      }));
      const problems = checks.flatMap(check =>
        check.problems.map(problem => ({
          entityRef: check.entityRef,
          ...problem,
        })),
      );
      const lines = checks.flatMap(check => check.lines);
      const valid = !problems.some(p => p.severity === 'error');
      ctx.output('valid', valid);
      ctx.output('problems', problems);
      ctx.output('lines', lines);
      if (!valid && failOnError) {
        throw new InputError(`${filePath} has problems\n${lines.join('\n')}`);
      }
      lines.forEach(line => ctx.logger.warn(line));
      ctx.logger.info(
        `${filePath}: ${selected.length} entities checked, ${problems.length} problems`,
      );
    },
  });
}
