/*
 * Byte-stable serialisation of generated files: the same value always gives the same bytes.
 */
import {
  CreateNodeOptions,
  Document,
  DocumentOptions,
  Scalar,
  ScalarTag,
  SchemaOptions,
  ToStringOptions,
} from 'yaml';

type SchemaTags = Extract<SchemaOptions['customTags'], unknown[]>;

const STRING_TAG = 'tag:yaml.org,2002:str';
/** Strings that `yaml` renders differently with the indentation (see `memoizedStrings`). */
const INDENT_DEPENDENT = /\n|^(?:%|---|\.\.\.)/;
const MEMO_LIMIT = 50_000;

/**
 * `yaml`'s own string tag, with its output remembered. A generated file repeats the same keys and
 * label values many times (a rule file has hundreds of `expr:` and `backstage_entity:`), and
 * choosing a string's style (plain, quoted) costs a dozen regular expressions each time.
 *
 * For a single-line string without a document marker the library's output depends only on the
 * value, on whether it is written as an implicit key, whether inside a flow collection, and on
 * the options (fixed here); nothing else of the context is read (line folding is off). Other
 * strings, and scalars with an explicit style, always go to the library.
 */
function memoizedStrings(tag: ScalarTag): ScalarTag {
  const stringify = tag.stringify!;
  // One map per (implicit key, in flow): the value itself is the key, whose hash V8 keeps.
  const memos = [0, 1, 2, 3].map(() => new Map<string, string>());
  return {
    ...tag,
    stringify(item, ctx, onComment, onChompKeep) {
      const { value, type } = item as Scalar;
      if (
        typeof value !== 'string' ||
        type !== undefined ||
        INDENT_DEPENDENT.test(value)
      ) {
        return stringify(item, ctx, onComment, onChompKeep);
      }
      const memo = memos[(ctx.implicitKey ? 2 : 0) + (ctx.inFlow ? 1 : 0)];
      let out = memo.get(value);
      if (out === undefined) {
        out = stringify(item, ctx, onComment, onChompKeep);
        if (memo.size >= MEMO_LIMIT) {
          memo.clear();
        }
        memo.set(value, out);
      }
      return out;
    },
  };
}

/** The memoizing string tag, made once: the schema asks for its tags on every document. */
let stringTag: { plain: ScalarTag; memoized: ScalarTag } | undefined;

function withMemoizedStrings(tags: SchemaTags): SchemaTags {
  return tags.map(tag => {
    if (
      typeof tag !== 'object' ||
      tag.tag !== STRING_TAG ||
      tag.format !== undefined ||
      !('stringify' in tag) ||
      typeof tag.stringify !== 'function'
    ) {
      return tag;
    }
    if (stringTag?.plain !== tag) {
      stringTag = { plain: tag, memoized: memoizedStrings(tag as ScalarTag) };
    }
    return stringTag.memoized;
  });
}

const YAML_OPTIONS: DocumentOptions &
  SchemaOptions &
  CreateNodeOptions &
  ToStringOptions = {
  version: '1.1',
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  // Plain values carry no tags, so there is never a directive to write: skips a walk of the tree.
  directives: false,
  customTags: withMemoizedStrings,
};

/**
 * YAML as Go tools read it (kubectl, promtool, Prometheus): YAML 1.1 quoting, so strings such as
 * `on`, `yes` or `0755` stay strings; no line folding; no anchors for repeated objects.
 *
 * @public
 */
export function toYaml(value: unknown): string {
  return new Document(value, YAML_OPTIONS).toString(YAML_OPTIONS);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON with object keys sorted at every level, two-space indent and a final newline, so the
 * bytes depend on the content only, not on the order a builder set fields in.
 *
 * @public
 */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
