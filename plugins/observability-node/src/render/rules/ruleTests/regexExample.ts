/*
 * Label values for synthetic test series: a shortest string matching a Prometheus (RE2) regular
 * expression, and a check whether a value matches one. Covers the syntax selectors use in
 * practice (literals, `.`, classes, groups, alternation, quantifiers, `\d`-style escapes);
 * anything else yields no example, and the caller falls back to other candidates.
 */

type Node =
  | { kind: 'alt'; options: Node[] }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'char'; example: string }
  | { kind: 'repeat'; node: Node; min: number };

class Unsupported extends Error {}

const CLASS_ESCAPES: Record<string, string> = {
  d: '0',
  D: 'a',
  w: 'a',
  W: '-',
  s: ' ',
  S: 'a',
};

const CONTROL_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
};

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.text.length) {
      throw new Unsupported(`unexpected ${this.text[this.pos]}`);
    }
    return node;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (
      let c = this.peek();
      c !== undefined && c !== '|' && c !== ')';
      c = this.peek()
    ) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    let result = node;
    for (;;) {
      const c = this.peek();
      let min: number | undefined;
      if (c === '*' || c === '?') {
        min = 0;
        this.pos += 1;
      } else if (c === '+') {
        min = 1;
        this.pos += 1;
      } else if (c === '{') {
        const match = /^\{(\d+)(,\d*)?\}/.exec(this.text.slice(this.pos));
        if (!match) {
          return result; // a literal `{`
        }
        min = Number(match[1]);
        this.pos += match[0].length;
      }
      if (min === undefined) {
        return result;
      }
      if (this.peek() === '?') {
        this.pos += 1; // lazy
      }
      result = { kind: 'repeat', node: result, min };
    }
  }

  private atom(): Node {
    const c = this.text[this.pos++];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { kind: 'char', example: this.charClass() };
      case '.':
        return { kind: 'char', example: '0' };
      case '^':
      case '$':
        return { kind: 'seq', items: [] };
      case '\\':
        return { kind: 'char', example: this.escape() };
      default:
        return { kind: 'char', example: c };
    }
  }

  private group(): Node {
    if (this.peek() === '?') {
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(
        this.text.slice(this.pos),
      );
      if (named) {
        this.pos += named[0].length;
      } else if (this.text.startsWith('?:', this.pos)) {
        this.pos += 2;
      } else {
        throw new Unsupported('flags'); // (?i) and friends
      }
    }
    const node = this.alternation();
    if (this.text[this.pos++] !== ')') {
      throw new Unsupported('unclosed group');
    }
    return node;
  }

  private escape(): string {
    const c = this.text[this.pos++];
    if (c === undefined) {
      throw new Unsupported('trailing backslash');
    }
    if (CLASS_ESCAPES[c]) {
      return CLASS_ESCAPES[c];
    }
    if (CONTROL_ESCAPES[c]) {
      return CONTROL_ESCAPES[c];
    }
    if (/[A-Za-z0-9]/.test(c)) {
      throw new Unsupported(`escape \\${c}`);
    }
    return c;
  }

  /** Example character of a `[...]` class (the opening bracket already read). */
  private charClass(): string {
    const negated = this.peek() === '^';
    if (negated) {
      this.pos += 1;
    }
    const members: Array<[string, string]> = [];
    let first = true;
    for (;;) {
      let c = this.text[this.pos++];
      if (c === undefined) {
        throw new Unsupported('unclosed class');
      }
      if (c === ']' && !first) {
        break;
      }
      first = false;
      if (c === '[' && this.peek() === ':') {
        throw new Unsupported('POSIX class');
      }
      if (c === '\\') {
        const e = this.text[this.pos++];
        if (e !== undefined && CLASS_ESCAPES[e]) {
          if (negated) {
            throw new Unsupported('negated class escape');
          }
          c = CLASS_ESCAPES[e];
        } else {
          c = e !== undefined && CONTROL_ESCAPES[e] ? CONTROL_ESCAPES[e] : e;
        }
      }
      if (this.peek() === '-' && this.text[this.pos + 1] !== ']') {
        this.pos += 1;
        let end = this.text[this.pos++];
        if (end === '\\') {
          end = this.text[this.pos++];
        }
        members.push([c, end]);
      } else {
        members.push([c, c]);
      }
    }
    const inClass = (ch: string) =>
      members.some(([lo, hi]) => ch >= lo && ch <= hi);
    if (!negated) {
      return members[0][0];
    }
    const candidate = ['0', 'a', 'x', 'Z', '-', '_', '~'].find(
      ch => !inClass(ch),
    );
    if (candidate === undefined) {
      throw new Unsupported('class too wide');
    }
    return candidate;
  }
}

function example(node: Node): string {
  switch (node.kind) {
    case 'alt':
      return example(node.options[0]);
    case 'seq':
      return node.items.map(example).join('');
    case 'char':
      return node.example;
    default:
      return example(node.node).repeat(node.min);
  }
}

const compiled = new Map<string, RegExp | null>();

/**
 * `regex` fully anchored as Prometheus applies it, as a JavaScript RegExp; undefined for syntax
 * JavaScript does not share with RE2 (e.g. `(?i)` flags).
 * @internal
 */
export function anchoredRegExp(regex: string): RegExp | undefined {
  if (!compiled.has(regex)) {
    let value: RegExp | null;
    try {
      value = new RegExp(`^(?:${regex.replace(/\(\?P</g, '(?<')})$`, 's');
    } catch {
      value = null;
    }
    compiled.set(regex, value);
  }
  return compiled.get(regex) ?? undefined;
}

/** Whether `value` matches `regex` the way Prometheus matches it; undefined if unknown. @internal */
export function regexMatches(
  regex: string,
  value: string,
): boolean | undefined {
  return anchoredRegExp(regex)?.test(value);
}

/** A short string that `regex` matches in full, if one can be derived and checked. @internal */
export function regexExample(regex: string): string | undefined {
  let text: string;
  try {
    text = example(new Parser(regex).parse());
  } catch (error) {
    if (error instanceof Unsupported) {
      return undefined;
    }
    throw error;
  }
  return regexMatches(regex, text) ? text : undefined;
}
