/*
 * Reads a catalog-info.yaml (one or several YAML documents) and finds the entity a template
 * means, by ref, the way the catalog names it (`kind:namespace/name`).
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Document, parseAllDocuments } from 'yaml';

/** One entity of the file: its YAML document, its plain value and its ref. */
export interface CatalogDocument {
  index: number;
  document: Document.Parsed;
  entity: Entity;
  entityRef: string;
}

function isEntity(value: unknown): value is Entity {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { apiVersion, kind, metadata } = value as Record<string, any>;
  return (
    typeof apiVersion === 'string' &&
    typeof kind === 'string' &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.name === 'string'
  );
}

/**
 * Every entity of `text` (documents that are not entities are skipped); an InputError naming
 * the file and line when the YAML does not parse.
 */
export function readCatalogDocuments(
  text: string,
  fileName: string,
): CatalogDocument[] {
  const documents = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(documents)) {
    return [];
  }
  const result: CatalogDocument[] = [];
  documents.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      throw new InputError(`${fileName}: ${error.message}`);
    }
    const value = document.toJS();
    if (isEntity(value)) {
      result.push({
        index,
        document,
        entity: value,
        entityRef: stringifyEntityRef(value),
      });
    }
  });
  return result;
}

/**
 * The entity `entityRef` names (kind defaults to Component, namespace to default; compared
 * without case like the catalog does), or the only entity of the file when no ref is given.
 */
export function findCatalogDocument(
  documents: CatalogDocument[],
  fileName: string,
  entityRef?: string,
): CatalogDocument {
  const refs = documents.map(d => d.entityRef).join(', ');
  if (!entityRef) {
    if (documents.length === 1) {
      return documents[0];
    }
    throw new InputError(
      documents.length === 0
        ? `${fileName} holds no catalog entity`
        : `entityRef: ${fileName} holds ${documents.length} entities (${refs}); say which one, e.g. ${documents[0].entityRef}`,
    );
  }
  let wanted: string;
  try {
    wanted = stringifyEntityRef(
      parseEntityRef(entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `entityRef: ${JSON.stringify(
        entityRef,
      )} is not an entity ref; expected kind:namespace/name, e.g. component:default/checkout`,
    );
  }
  const found = documents.find(
    d => d.entityRef.toLocaleLowerCase('en-US') === wanted,
  );
  if (!found) {
    throw new InputError(
      `entityRef: ${fileName} has no entity ${wanted}; it holds ${
        refs || 'no entity'
      }`,
    );
  }
  return found;
}
