/*
 * The `catalog-info.yaml` snippet shown by the empty states: the annotations to add, each with
 * the example value documented in LOOKOUT_ANNOTATIONS.
 */
import {
  AnnotationDoc,
  LOOKOUT_ANNOTATIONS,
} from '@lookout/plugin-observability-common';

/** The documentation of the given annotation keys, in the documented order. */
export function annotationDocs(
  annotations: readonly string[],
): AnnotationDoc[] {
  return LOOKOUT_ANNOTATIONS.filter(doc =>
    annotations.includes(doc.annotation),
  );
}

/** The documentation of one annotation key, if it is a Lookout annotation. */
export function annotationDoc(annotation: string): AnnotationDoc | undefined {
  return LOOKOUT_ANNOTATIONS.find(doc => doc.annotation === annotation);
}

function yamlValue(value: string, indent: string): string {
  if (value.includes('\n')) {
    const body = value
      .split('\n')
      .map(line => `${indent}  ${line}`)
      .join('\n');
    return `|\n${body}`;
  }
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

/**
 * A `metadata.annotations` block with an example value for each annotation:
 *
 * ```yaml
 * metadata:
 *   annotations:
 *     lookout.dev/slo-availability: "99.9"
 * ```
 */
export function annotationsYaml(docs: readonly AnnotationDoc[]): string {
  const indent = '    ';
  const lines = docs.map(
    doc => `${indent}${doc.annotation}: ${yamlValue(doc.example, indent)}`,
  );
  return ['metadata:', '  annotations:', ...lines].join('\n');
}
