/*
 * Annotations whose value is a YAML list (`lookout.dev/slos`, `lookout.dev/panels`): the list,
 * or a message saying why the text is not one, ending with what is expected.
 */
import YAML from 'yaml';
import { Parsed, invalid, valid } from './result';
import { problemMessages } from './problemMessages';

/** Parses `text` as a YAML list; `expected` ends every message (e.g. "expected a YAML list of …"). @internal */
export function parseYamlList(
  text: string,
  expected: string,
): Parsed<unknown[]> {
  if (text.trim() === '') {
    return invalid(`is empty; ${expected}`);
  }
  let value: unknown;
  try {
    const document = YAML.parseDocument(text, { prettyErrors: true });
    if (document.errors.length > 0) {
      const first = document.errors[0].message.split('\n')[0];
      return invalid(problemMessages.notValidYaml(first, expected));
    }
    value = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return invalid(
      problemMessages.notValidYaml(
        e instanceof Error ? e.message : String(e),
        expected,
      ),
    );
  }
  if (!Array.isArray(value)) {
    return invalid(problemMessages.foundExpected(value, expected));
  }
  return valid(value);
}
