/*
 * Reads catalog YAML files the way the CLI takes them: files, or folders searched recursively
 * for `*.yaml`/`*.yml` as found in an ordinary repository. In a folder scan, YAML that is not a
 * Backstage entity (Helm templates, Kubernetes manifests, workflows, unparseable files) and
 * scaffolder template skeletons are skipped with a note; `kind: Location` entities are followed
 * to the files they name, inside the folder the catalog was given as, each file read once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import {
  ANNOTATION_OPENSLO,
  LOOKOUT_ANNOTATION_PREFIX,
} from '@lookout/plugin-observability-common';
import { UsageError } from './usage';

/** An entity and the file it was read from. */
export interface CatalogEntity {
  entity: Entity;
  /** Absolute path of the catalog file. */
  file: string;
}

/** A note or an error about one file. */
export interface CatalogFileError {
  file: string;
  message: string;
}

/** Everything read from the catalog locations. */
export interface Catalog {
  entities: CatalogEntity[];
  /** Files that are wrong: they make the run fail. */
  errors: CatalogFileError[];
  /** Files (or documents) skipped: shown, never a failure. */
  notes: CatalogFileError[];
  /** Every file read, in order (Location targets included). */
  files: string[];
  /** How many files were skipped whole. */
  skipped: number;
  /** Folders searched for a Location's folder or pattern target: a new file there changes the catalog. */
  searched: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);
const SKELETON_PLACEHOLDER = /\$\{\{/;
const TEMPLATE_PLACEHOLDER = /\{\{/;

/** Code unit order, independent of the locale (as `LC_ALL=C ls`). */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
        files.push(...(await yamlFilesIn(full)));
      }
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether a YAML document is a Backstage entity: a kind, a name and an `apiVersion` of a
 * `backstage.io` group (`backstage.io/v1alpha1`, `scaffolder.backstage.io/v1beta3`…), or of any
 * group when it carries Lookout annotations (custom kinds). A Kubernetes manifest has a kind and a
 * name too, but another apiVersion and no Lookout annotation.
 */
function isEntity(value: unknown): value is Entity {
  if (!isMap(value)) {
    return false;
  }
  const { apiVersion, kind, metadata } = value;
  if (
    typeof apiVersion !== 'string' ||
    typeof kind !== 'string' ||
    !isMap(metadata) ||
    typeof metadata.name !== 'string'
  ) {
    return false;
  }
  const annotations = isMap(metadata.annotations) ? metadata.annotations : {};
  return (
    /^([a-z0-9-]+\.)*backstage\.io\/[a-z0-9]+$/.test(apiVersion) ||
    Object.keys(annotations).some(key =>
      key.startsWith(LOOKOUT_ANNOTATION_PREFIX),
    )
  );
}

/** Whether any text in the entity is a scaffolder placeholder (`${{ values.name }}`). */
function hasSkeletonPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') {
    return SKELETON_PLACEHOLDER.test(value);
  }
  if (Array.isArray(value)) {
    return value.some(hasSkeletonPlaceholder);
  }
  return isMap(value) && Object.values(value).some(hasSkeletonPlaceholder);
}

/** What a document that is not an entity is, for the note: `apps/v1 Deployment`. */
function describeDocument(value: unknown): string {
  if (isMap(value)) {
    if (typeof value.kind === 'string') {
      return typeof value.apiVersion === 'string'
        ? `${value.apiVersion} ${value.kind}`
        : value.kind;
    }
    if ('jobs' in value && ('on' in value || 'true' in value)) {
      return 'a GitHub Actions workflow';
    }
    return 'no kind';
  }
  return Array.isArray(value) ? 'a list' : 'a single value';
}

/** Why a file without entities is skipped. */
function describeSkipped(values: unknown[]): string {
  if (values.length === 0) {
    return 'empty';
  }
  if (
    values.every(
      value =>
        isMap(value) &&
        typeof value.apiVersion === 'string' &&
        value.apiVersion.startsWith('openslo/'),
    )
  ) {
    return `OpenSLO documents, not entities (read when an entity names the file in ${ANNOTATION_OPENSLO})`;
  }
  return `not a Backstage entity (${[
    ...new Set(values.map(describeDocument)),
  ].join(', ')})`;
}

/** The folders of a pattern before its first segment with a wildcard: where its search starts. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments.findIndex(segment => /[*?]/.test(segment));
  return segments.slice(0, first).join('/') || '.';
}

/** A glob (`*` within a folder name, `**` across folders, `?` one character) as a RegExp. */
function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) {
      source += '(?:[^/]+/)*';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (pattern[i] === '*') {
      source += '[^/]*';
    } else if (pattern[i] === '?') {
      source += '[^/]';
    } else {
      source += pattern[i].replace(/[.+^$(){}|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** How a file came to be read. */
interface Origin {
  /** The folder the catalog was given as; Location targets must stay inside it. */
  root: string;
  /** Found by a folder scan (not named by the user or a Location). */
  scanned: boolean;
  /** The files of the Location chain that led here, outermost first. */
  chain: string[];
}

class CatalogReader {
  readonly catalog: Catalog = {
    entities: [],
    errors: [],
    notes: [],
    files: [],
    skipped: 0,
    searched: [],
  };
  private readonly read = new Set<string>();

  async readFile(file: string, origin: Origin): Promise<void> {
    if (this.read.has(file)) {
      if (origin.chain.includes(file)) {
        const cycle = [...origin.chain.slice(origin.chain.indexOf(file)), file]
          .map(f => path.relative(origin.root, f) || f)
          .join(' → ');
        const locationFile = origin.chain[origin.chain.length - 1];
        this.note(
          locationFile,
          `Location cycle (${cycle}): not followed again`,
        );
      }
      return;
    }
    this.read.add(file);
    this.catalog.files.push(file);
    const text = await fs.readFile(file, 'utf8');
    const documents = parseAllDocuments(text);
    const docs = Array.isArray(documents) ? documents : [documents];
    const broken = docs.find(doc => doc.errors.length > 0);
    if (broken) {
      const reason = TEMPLATE_PLACEHOLDER.test(text)
        ? 'a template with {{ … }} placeholders (Helm or Go), not plain YAML'
        : `not valid YAML: ${broken.errors[0].message.split('\n')[0]}`;
      if (origin.scanned) {
        this.skip(file, reason);
      } else {
        this.error(file, reason);
      }
      return;
    }
    let values: unknown[];
    try {
      values = docs
        .map(doc => doc.toJS({ maxAliasCount: 100 }) as unknown)
        .filter(value => value !== null && value !== undefined);
    } catch (e) {
      const reason = `not valid YAML: ${(e as Error).message}`;
      if (origin.scanned) {
        this.skip(file, reason);
      } else {
        this.error(file, reason);
      }
      return;
    }
    const others = values.filter(value => !isEntity(value));
    const entities = values.filter(isEntity);
    // A Template entity's steps use ${{ parameters.… }}: only other kinds can be skeletons.
    if (
      entities.some(
        entity => entity.kind !== 'Template' && hasSkeletonPlaceholder(entity),
      )
    ) {
      this.skip(
        file,
        'a scaffolder template skeleton (${{ … }} placeholders), not an entity',
      );
      return;
    }
    if (entities.length === 0) {
      this.skip(file, describeSkipped(values));
      return;
    }
    if (others.length > 0) {
      this.note(
        file,
        `skipped ${
          others.length
        } document(s) that are not Backstage entities (${[
          ...new Set(others.map(describeDocument)),
        ].join(', ')})`,
      );
    }
    for (const entity of entities) {
      if (entity.kind === 'Location') {
        await this.followLocation(entity, file, origin);
      } else {
        this.catalog.entities.push({ entity, file });
      }
    }
  }

  private async followLocation(
    location: Entity,
    file: string,
    origin: Origin,
  ): Promise<void> {
    const spec = isMap(location.spec) ? location.spec : {};
    if (spec.type !== undefined && spec.type !== 'file') {
      this.note(
        file,
        `Location ${location.metadata.name}: type ${String(
          spec.type,
        )} is not followed (the CLI reads files; the catalog backend reads the others)`,
      );
      return;
    }
    const targets = [
      ...(typeof spec.target === 'string' ? [spec.target] : []),
      ...(Array.isArray(spec.targets) ? spec.targets : []),
    ];
    const next: Origin = {
      root: origin.root,
      scanned: false,
      chain: [...origin.chain, file],
    };
    for (const target of targets) {
      if (typeof target !== 'string' || /[[\]{}]/.test(target)) {
        this.note(
          file,
          `Location ${location.metadata.name}: target ${JSON.stringify(
            target,
          )} is not followed (the CLI follows file paths and * or ** patterns)`,
        );
        continue;
      }
      const isPattern = /[*?]/.test(target);
      const resolved = path.resolve(
        path.dirname(file),
        isPattern ? staticPrefix(target) : target,
      );
      const inside = path.relative(origin.root, resolved);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        this.error(
          file,
          `Location ${location.metadata.name}: target ${target} is outside the catalog folder ${origin.root}; not followed`,
        );
        continue;
      }
      if (isPattern) {
        const pattern = globRegExp(path.resolve(path.dirname(file), target));
        this.catalog.searched.push(resolved);
        const matches = (await yamlFilesIn(resolved).catch(() => [])).filter(
          candidate => pattern.test(candidate),
        );
        if (matches.length === 0) {
          this.error(
            file,
            `Location ${location.metadata.name}: target ${target} matches no file`,
          );
        }
        for (const match of matches) {
          // A pattern may match files that are not entities: skipped with a note, as in a scan.
          await this.readFile(match, { ...next, scanned: true });
        }
        continue;
      }
      let stat;
      try {
        stat = await fs.stat(resolved);
      } catch {
        this.error(
          file,
          `Location ${location.metadata.name}: target ${target}: no such file`,
        );
        continue;
      }
      if (stat.isDirectory()) {
        this.catalog.searched.push(resolved);
        for (const child of await yamlFilesIn(resolved)) {
          await this.readFile(child, { ...next, scanned: true });
        }
      } else {
        await this.readFile(resolved, next);
      }
    }
  }

  private skip(file: string, reason: string) {
    this.catalog.skipped += 1;
    this.note(file, `skipped: ${reason}`);
  }

  private note(file: string, message: string) {
    this.catalog.notes.push({ file, message });
  }

  private error(file: string, message: string) {
    this.catalog.errors.push({ file, message });
  }
}

/**
 * Reads the entities of the given locations (absolute paths), in a stable order: locations as
 * given, folder contents by name, documents in file order, Location targets where the Location
 * is. A missing location is a usage error; a file named (or targeted) that is not valid YAML is an
 * error, one found by a folder scan a note.
 */
export async function readCatalog(locations: string[]): Promise<Catalog> {
  const reader = new CatalogReader();
  for (const location of locations) {
    let stat;
    try {
      stat = await fs.stat(location);
    } catch {
      throw new UsageError(`--catalog ${location}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const file of await yamlFilesIn(location)) {
        await reader.readFile(file, {
          root: location,
          scanned: true,
          chain: [],
        });
      }
    } else {
      await reader.readFile(location, {
        root: path.dirname(location),
        scanned: false,
        chain: [],
      });
    }
  }
  return reader.catalog;
}
