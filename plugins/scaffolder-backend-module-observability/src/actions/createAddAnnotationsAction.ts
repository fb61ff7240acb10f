/*
 * `lookout:annotations:add`: adds or replaces an entity's `lookout.dev/*` annotations in a
 * catalog-info.yaml of the workspace, keeping the rest of the file as it was, and writes the file
 * only when the catalog's parser finds no error in the result.
 */
import { InputError } from '@backstage/errors';
import { annotationsFromInput } from '@lookout/plugin-observability-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import {
  findCatalogDocument,
  readCatalogDocuments,
} from '../catalogFile/catalogDocuments';
import {
  AnnotationsActionOptions,
  checkAnnotations,
} from '../catalogFile/checkAnnotations';
import { setAnnotations } from '../catalogFile/setAnnotations';
import { describeProvisioning } from '../description/describeProvisioning';
import {
  DEFAULT_CATALOG_FILE,
  filePathInput,
  readCatalogFile,
} from './catalogFileInput';

/**
 * Creates the `lookout:annotations:add` action.
 * @public
 */
export function createAddAnnotationsAction(
  options: AnnotationsActionOptions = {},
) {
  return createTemplateAction({
    id: 'lookout:annotations:add',
    description:
      "Adds or replaces Lookout's lookout.dev/* annotations of an entity in a catalog-info.yaml, keeping comments, key order and formatting; fails without touching the file when the result is invalid",
    supportsDryRun: true,
    examples: [
      {
        description: 'Availability and latency SLOs for the checkout service',
        example: [
          'steps:',
          '  - id: lookout',
          '    action: lookout:annotations:add',
          '    input:',
          '      entityRef: component:default/checkout',
          '      metricsPort: http-metrics',
          '      availabilityObjective: 99.9',
          '      latencyObjective: 99',
          '      latencyThreshold: 300ms',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        filePath: filePathInput,
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The entity to edit when the file holds several, e.g. component:default/checkout',
            ),
        metricsPort: z =>
          z
            .union([z.string(), z.number()])
            .optional()
            .describe('lookout.dev/metrics-port'),
        metricsPath: z =>
          z.string().optional().describe('lookout.dev/metrics-path'),
        metricsInterval: z =>
          z.string().optional().describe('lookout.dev/metrics-interval'),
        availabilityObjective: z =>
          z
            .union([z.string(), z.number()])
            .optional()
            .describe('lookout.dev/slo-availability, in percent, e.g. 99.9'),
        latencyObjective: z =>
          z
            .union([z.string(), z.number()])
            .optional()
            .describe(
              'Objective of lookout.dev/slo-latency, in percent, e.g. 99',
            ),
        latencyThreshold: z =>
          z
            .string()
            .optional()
            .describe('Threshold of lookout.dev/slo-latency, e.g. 300ms'),
        window: z =>
          z.string().optional().describe('lookout.dev/slo-window, e.g. 30d'),
        logsSelector: z =>
          z.string().optional().describe('lookout.dev/logs-selector'),
        tracesService: z =>
          z.string().optional().describe('lookout.dev/traces-service'),
        runbookUrl: z =>
          z.string().optional().describe('lookout.dev/runbook-url'),
        slos: z =>
          z
            .union([z.array(z.record(z.unknown())), z.string()])
            .optional()
            .describe(
              'lookout.dev/slos: a list of SLO definitions, or its YAML text',
            ),
      },
      output: {
        entityRef: z => z.string().describe('The edited entity'),
        annotations: z =>
          z.record(z.string()).describe('The annotations that were set'),
        warnings: z =>
          z.array(z.string()).describe('Warnings of the parser, one line each'),
        description: z =>
          z
            .string()
            .describe(
              'Markdown: what Lookout will provision, for a pull request',
            ),
      },
    },
    async handler(ctx) {
      const {
        filePath = DEFAULT_CATALOG_FILE,
        entityRef,
        ...fields
      } = ctx.input;
      const { path, text, documents } = await readCatalogFile(
        ctx.workspacePath,
        filePath,
      );
      const target = findCatalogDocument(documents, filePath, entityRef);
      const settings = annotationsFromInput(fields);
      if (!settings.ok) {
        throw new InputError(settings.message);
      }
      const annotations = settings.value;
      if (Object.keys(annotations).length === 0) {
        throw new InputError(
          'no Lookout annotation to set; give at least one input, e.g. availabilityObjective: 99.9',
        );
      }
      const edited = setAnnotations(text, target, annotations);
      const { spec, problems, lines } = checkAnnotations(
        readCatalogDocuments(edited, filePath).find(
          d => d.index === target.index,
        )!,
        options.parseOptions,
      );
      if (problems.some(p => p.severity === 'error')) {
        throw new InputError(
          `${filePath} left unchanged: the annotations have problems\n${lines.join(
            '\n',
          )}`,
        );
      }
      lines.forEach(line => ctx.logger.warn(line));
      await fs.writeFile(path, edited, 'utf8');
      ctx.logger.info(
        `Set ${Object.keys(annotations).join(', ')} on ${
          target.entityRef
        } in ${filePath}`,
      );
      ctx.output('entityRef', target.entityRef);
      ctx.output('annotations', annotations);
      ctx.output('warnings', lines);
      ctx.output('description', describeProvisioning(spec));
    },
  });
}
