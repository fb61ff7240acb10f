/*
 * Sets annotations of one entity in a catalog-info.yaml and changes nothing else: the text is
 * edited in place at the ranges the `yaml` parser reports (a replaced value, new lines after the
 * last annotation), so comments, key order, quoting, blank lines and the other documents stay
 * byte for byte. Layouts the in-place edit does not handle (flow maps such as
 * `metadata: {name: x}`) go through the yaml Document API instead, which keeps comments and
 * order but may normalise that document's spacing. Either way the result is parsed again and
 * checked to hold exactly the intended entity before it is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  Node,
  Pair,
  parseAllDocuments,
  Scalar,
  stringify,
  YAMLMap,
} from 'yaml';
import { CatalogDocument } from './catalogDocuments';

/** One text replacement: `text.slice(start, end)` becomes `insert`. */
interface Edit {
  start: number;
  end: number;
  insert: string;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** `value` as YAML, its continuation lines indented for a key at `indent`. */
function renderValue(value: string, indent: number): string {
  const lines = stringify(value, { lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n');
  const pad = ' '.repeat(indent + 2);
  return lines
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** Offset of the start of the line after the pair's value. */
function endOfPair(text: string, pair: Pair<Node, Node | null>): number {
  const value = pair.value ?? pair.key;
  const end = value.range![1];
  if (end > 0 && text[end - 1] === '\n') {
    return end;
  }
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

function blockMap(node: unknown): YAMLMap<Node, Node | null> | undefined {
  return isMap(node) && !node.flow && node.items.length > 0 && node.range
    ? (node as YAMLMap<Node, Node | null>)
    : undefined;
}

function keyName(pair: Pair<unknown, unknown>): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** New `key: value` lines appended after the last pair of `map`. */
function appendPairs(
  text: string,
  map: YAMLMap<Node, Node | null>,
  entries: Array<[string, string]>,
): Edit | undefined {
  const first = map.items[0].key;
  const last = map.items[map.items.length - 1];
  if (!first?.range || !(last.value ?? last.key)?.range) {
    return undefined;
  }
  const indent = columnOf(text, first.range[0]);
  const at = endOfPair(text, last);
  const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
  const lines = entries.map(
    ([key, value]) =>
      `${' '.repeat(indent)}${stringify(key).trim()}: ${renderValue(
        value,
        indent,
      )}\n`,
  );
  return { start: at, end: at, insert: lead + lines.join('') };
}

/** The in-place edits, or undefined when the layout needs the Document API. */
function inPlaceEdits(
  text: string,
  target: CatalogDocument,
  annotations: Record<string, string>,
): Edit[] | undefined {
  const metadata = blockMap(target.document.get('metadata', true));
  if (!metadata) {
    return undefined;
  }
  const annotationsNode = metadata.get('annotations', true);
  const map = blockMap(annotationsNode);
  if (!map) {
    if (annotationsNode !== undefined) {
      return undefined;
    }
    const metadataIndent = columnOf(text, metadata.items[0].key!.range![0]);
    const indent = metadataIndent * 2 || 2;
    const lines = Object.entries(annotations).map(
      ([key, value]) =>
        `${' '.repeat(indent)}${stringify(key).trim()}: ${renderValue(
          value,
          indent,
        )}\n`,
    );
    const appended = appendPairs(text, metadata, []);
    return appended
      ? [
          {
            ...appended,
            insert: `${appended.insert}${' '.repeat(
              metadataIndent,
            )}annotations:\n${lines.join('')}`,
          },
        ]
      : undefined;
  }

  const edits: Edit[] = [];
  const added: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(annotations)) {
    const pair = map.items.find(item => keyName(item) === key);
    if (!pair) {
      added.push([key, value]);
      continue;
    }
    const node = pair.value;
    if (!node?.range || !isScalar(node)) {
      return undefined;
    }
    const [start, valueEnd] = node.range;
    const end = text[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd;
    const indent = columnOf(text, pair.key!.range![0]);
    edits.push({ start, end, insert: renderValue(value, indent) });
  }
  if (added.length > 0) {
    const appended = appendPairs(text, map, added);
    if (!appended) {
      return undefined;
    }
    edits.push(appended);
  }
  return edits;
}

function applyEdits(text: string, edits: Edit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce(
      (result, edit) =>
        result.slice(0, edit.start) + edit.insert + result.slice(edit.end),
      text,
    );
}

/** The target document re-serialised with the Document API (the fallback). */
function documentApiEdit(
  text: string,
  target: CatalogDocument,
  annotations: Record<string, string>,
): string {
  const document = target.document.clone();
  for (const [key, value] of Object.entries(annotations)) {
    document.setIn(['metadata', 'annotations', key], new Scalar(value));
  }
  const contents = target.document.contents!;
  const [start, , end] = contents.range!;
  const standalone = new Document(document.contents);
  let serialized = standalone.toString({ lineWidth: 0 });
  if (!text.slice(start, end).endsWith('\n')) {
    serialized = serialized.replace(/\n$/, '');
  }
  return text.slice(0, start) + serialized + text.slice(end);
}

/** Whether `edited` holds `text`'s documents with only the target's annotations changed. */
function holdsExactly(
  text: string,
  edited: string,
  target: CatalogDocument,
  annotations: Record<string, string>,
): boolean {
  const before = parseAllDocuments(text);
  const after = parseAllDocuments(edited);
  if (!Array.isArray(before) || !Array.isArray(after)) {
    return false;
  }
  if (after.length !== before.length || after.some(d => d.errors.length)) {
    return false;
  }
  return before.every((document, index) => {
    const expected = document.toJS();
    if (index === target.index) {
      expected.metadata.annotations = {
        ...expected.metadata.annotations,
        ...annotations,
      };
    }
    return isDeepStrictEqual(after[index].toJS(), expected);
  });
}

/**
 * `text` with `annotations` added to (or replacing those of) the target entity. Throws when the
 * edit cannot be made exactly, which leaves the file to the caller untouched.
 */
export function setAnnotations(
  text: string,
  target: CatalogDocument,
  annotations: Record<string, string>,
): string {
  const edits = inPlaceEdits(text, target, annotations);
  if (edits) {
    const edited = applyEdits(text, edits);
    if (holdsExactly(text, edited, target, annotations)) {
      return edited;
    }
  }
  const edited = documentApiEdit(text, target, annotations);
  if (holdsExactly(text, edited, target, annotations)) {
    return edited;
  }
  throw new Error(
    `could not add the annotations to ${target.entityRef} without changing anything else`,
  );
}
