/*
 * PromQL string literals (the same rules as Go's: "double", 'single' and `raw` quotes), as used
 * for label matcher values in PromQL and LogQL.
 */
import { Parsed, invalid, valid } from '../validation/result';

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * The value of a PromQL string literal, quotes included in `literal`: escapes are resolved the
 * way Prometheus does (`\n`, `\"`, `\x41`, `\101`, `\u00e9`, `\U0001F600`); backquoted strings
 * are raw. Byte escapes (`\xe2\x82\xac`) are decoded as UTF-8.
 * @public
 */
export function unquotePromqlString(literal: string): Parsed<string> {
  const quote = literal[0];
  if (
    literal.length < 2 ||
    !['"', "'", '`'].includes(quote) ||
    literal[literal.length - 1] !== quote
  ) {
    return invalid(`${literal} is not a quoted string`);
  }
  const body = literal.slice(1, -1);
  if (quote === '`') {
    return body.includes('`')
      ? invalid('a backquoted string cannot contain a backquote')
      : valid(body);
  }
  const bytes: number[] = [];
  const pushText = (text: string) => {
    for (const byte of encoder.encode(text)) {
      bytes.push(byte);
    }
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === quote) {
      return invalid(`unescaped ${quote} inside the string; write \\${quote}`);
    }
    if (char === '\n') {
      return invalid('a line break inside a quoted string; write \\n');
    }
    if (char !== '\\') {
      // Copy a whole code point (surrogate pairs stay together).
      const codePoint = body.codePointAt(i) ?? 0;
      const text = String.fromCodePoint(codePoint);
      pushText(text);
      i += text.length - 1;
      continue;
    }
    const escape = body[i + 1];
    if (escape === undefined) {
      return invalid('the string ends with a lone backslash');
    }
    if (escape in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[escape]);
      i += 1;
    } else if (escape === quote) {
      bytes.push(quote.charCodeAt(0));
      i += 1;
    } else if (escape === 'x') {
      const hex = body.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        return invalid(`invalid escape \\x${hex}: expected two hex digits`);
      }
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else if (escape >= '0' && escape <= '7') {
      const octal = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(octal) || parseInt(octal, 8) > 0xff) {
        return invalid(
          `invalid escape \\${octal}: expected three octal digits up to \\377`,
        );
      }
      bytes.push(parseInt(octal, 8));
      i += 3;
    } else if (escape === 'u' || escape === 'U') {
      const length = escape === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + length);
      const codePoint = parseInt(hex, 16);
      if (
        !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex) ||
        codePoint > 0x10ffff ||
        (codePoint >= 0xd800 && codePoint <= 0xdfff)
      ) {
        return invalid(
          `invalid escape \\${escape}${hex}: expected a Unicode code point`,
        );
      }
      pushText(String.fromCodePoint(codePoint));
      i += 1 + length;
    } else {
      return invalid(
        `unknown escape \\${escape}; to match a backslash write \\\\ (or use a \`raw\` string)`,
      );
    }
  }
  return valid(decoder.decode(new Uint8Array(bytes)));
}

const SHORT_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * A double-quoted PromQL string literal of `value`, escaped as Prometheus prints it (Go's
 * `strconv.Quote`): `"`, `\` and control characters are escaped, printable Unicode is kept.
 * @public
 */
export function quotePromqlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const short = SHORT_ESCAPES[char];
    if (short) {
      out += short;
      continue;
    }
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate has no UTF-8 form
    } else if (PRINTABLE.test(char)) {
      out += char;
    } else if (codePoint < 0x80) {
      out += `\\x${codePoint.toString(16).padStart(2, '0')}`;
    } else if (codePoint <= 0xffff) {
      out += `\\u${codePoint.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${codePoint.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}
