/*
 * The name of everything Lookout generates for an entity (folders, files, Kubernetes objects):
 * `<kind>-<namespace>-<name>` (DESIGN §4), encoded so that distinct entities never share a name
 * and a name decodes back to its entity, while staying a DNS-1123 label (lowercase
 * alphanumerics and `-`, at most 63 characters).
 *
 * The encoding (docs/architecture.md, "Names"): the ref is lowercased (Backstage compares refs
 * case-insensitively); the kind is written as is (a kind has no separators); every `-` of the
 * namespace is doubled, so the first single `-` after it ends the namespace; in the name, a lone
 * `-` stays `-` and any other run of separators (`_`, `.`, or several in a row) is written `--`,
 * one letter per separator (`d` for `-`, `u` for `_`, `p` for `.`), then `-`. So
 * `component:default/checkout` → `component-default-checkout`, `component:team-a/checkout` →
 * `component-team--a-checkout`, `component:team/a-checkout` → `component-team-a-checkout`,
 * `component:default/my_app` → `component-default-my--u-app`.
 *
 * A name longer than 63 characters is cut: the kind (at most 8 characters), `--` (which an
 * uncut name never has right after the kind), the start of the rest, `-` and a 16-character
 * hash of the ref. Cut names do not decode.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { REF_HASH_LENGTH, refHash } from './refHash';

const MAX_LENGTH = 63;
const KIND = /^[a-z][a-z0-9]*$/;
const NAMESPACE = /^[a-z0-9]+(-+[a-z0-9]+)*$/;
const NAME = /^[a-z0-9]([-_.a-z0-9]*[a-z0-9])?$/;
const CODES: Record<string, string> = { '-': 'd', _: 'u', '.': 'p' };
const SEPARATORS: Record<string, string> = { d: '-', u: '_', p: '.' };

/** What is wrong with an entity ref for naming: the entity field and why. @public */
export interface EntityNameProblem {
  field: 'kind' | 'metadata.namespace' | 'metadata.name';
  message: string;
}

/** Kind, namespace and name of an entity. */
interface RefParts {
  kind: string;
  namespace: string;
  name: string;
}

/** The parts of a ref (or of an entity's fields), lowercased, or why it cannot be named. */
function canonicalParts(
  entityRef: string | RefParts,
): RefParts | EntityNameProblem {
  let parts: RefParts;
  if (typeof entityRef === 'string') {
    try {
      parts = parseEntityRef(entityRef);
    } catch (error) {
      return { field: 'metadata.name', message: (error as Error).message };
    }
  } else {
    parts = entityRef;
  }
  const kind = parts.kind.toLocaleLowerCase('en-US');
  const namespace = parts.namespace.toLocaleLowerCase('en-US');
  const name = parts.name.toLocaleLowerCase('en-US');
  if (!KIND.test(kind)) {
    return {
      field: 'kind',
      message: `"${parts.kind}" is not a valid entity kind (letters and digits)`,
    };
  }
  if (!NAMESPACE.test(namespace)) {
    return {
      field: 'metadata.namespace',
      message: `"${parts.namespace}" is not a valid entity namespace (a DNS label)`,
    };
  }
  if (!NAME.test(name)) {
    return {
      field: 'metadata.name',
      message: `"${parts.name}" is not a valid entity name (letters, digits and -_. between them)`,
    };
  }
  return { kind, namespace, name };
}

/**
 * Why an entity ref (or an entity's kind, namespace and name) cannot be given Lookout names (a
 * kind, namespace or name outside Backstage's rules, which a catalog file read by the CLI may
 * hold), or undefined when it can.
 *
 * @public
 */
export function entityNameProblem(
  entityRef: string | { kind: string; namespace: string; name: string },
): EntityNameProblem | undefined {
  const parts = canonicalParts(entityRef);
  return 'message' in parts ? parts : undefined;
}

function encodeName(name: string): string {
  return name.replace(/[-_.]+/g, run =>
    run === '-' ? '-' : `--${[...run].map(c => CODES[c]).join('')}-`,
  );
}

/**
 * The slug of an entity ref, e.g. `component:default/checkout` → `component-default-checkout`
 * (see the file's header for the encoding). Throws for a ref that {@link entityNameProblem}
 * rejects.
 *
 * @public
 */
export function entitySlug(entityRef: string): string {
  const parts = canonicalParts(entityRef);
  if ('message' in parts) {
    throw new Error(
      `cannot name ${entityRef}: ${parts.field}: ${parts.message}`,
    );
  }
  const { kind, namespace, name } = parts;
  const rest = `${namespace.replace(/-/g, '--')}-${encodeName(name)}`;
  const full = `${kind}-${rest}`;
  if (full.length <= MAX_LENGTH) {
    return full;
  }
  const head = kind.slice(0, 8);
  const hash = refHash(`${kind}:${namespace}/${name}`);
  const room = MAX_LENGTH - head.length - 2 - 1 - REF_HASH_LENGTH;
  const start = rest.slice(0, room).replace(/-+$/, '');
  return `${head}--${start ? `${start}-` : ''}${hash}`;
}

/**
 * The entity ref (lowercased) a slug was made from, or undefined for a cut slug or a string no
 * ref gives.
 *
 * @public
 */
export function decodeEntitySlug(slug: string): string | undefined {
  const match = /^([a-z][a-z0-9]*)-([a-z0-9].*)$/.exec(slug);
  if (!match) {
    return undefined;
  }
  const [, kind, rest] = match;
  // Namespace: pairs of `-` are its own dashes; the first single `-` ends it.
  const ns = /^((?:[a-z0-9]|--)+?)-(?!-)(.*)$/.exec(rest);
  if (!ns) {
    return undefined;
  }
  const namespace = ns[1].replace(/--/g, '-');
  let valid = true;
  const name = ns[2].replace(/-(-([a-z]+)-)?/g, (_all, coded, codes) => {
    if (!coded) {
      return '-';
    }
    return [...(codes as string)]
      .map(c => SEPARATORS[c] ?? ((valid = false), ''))
      .join('');
  });
  const ref = `${kind}:${namespace}/${name}`;
  return valid &&
    entityNameProblem(ref) === undefined &&
    entitySlug(ref) === slug
    ? ref
    : undefined;
}
