/*
 * Reading Prometheus' own /metrics (text exposition format 0.0.4): the samples of the metrics
 * the benchmark measures.
 *
 * Part of the rules benchmark (`yarn bench:rules`, see docs/benchmarks.md).
 */

/** One sample of the exposition. */
export interface ExposedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A sample value as Prometheus writes it (`NaN`, `+Inf` and `-Inf` included). */
export function parseSampleValue(text: string): number {
  if (text === '+Inf') {
    return Infinity;
  }
  if (text === '-Inf') {
    return -Infinity;
  }
  return Number(text);
}

const ESCAPES: Record<string, string> = { n: '\n', '\\': '\\', '"': '"' };

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    const name = text.slice(i, eq).trim();
    let value = '';
    let j = eq + 2; // after ="
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\') {
        value += ESCAPES[text[j + 1]] ?? text[j + 1];
        j += 2;
      } else {
        value += text[j];
        j += 1;
      }
    }
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') {
      i += 1;
    }
  }
  return labels;
}

/** The samples of `text` whose metric name is in `names`. */
export function parseExposition(
  text: string,
  names: ReadonlySet<string>,
): ExposedSample[] {
  const samples: ExposedSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const brace = line.indexOf('{');
    const space = line.indexOf(' ');
    const nameEnd = brace !== -1 && brace < space ? brace : space;
    const name = line.slice(0, nameEnd);
    if (!names.has(name)) {
      continue;
    }
    let labels: Record<string, string> = {};
    let rest = line.slice(nameEnd);
    if (rest.startsWith('{')) {
      const close = rest.lastIndexOf('}');
      labels = parseLabels(rest.slice(1, close));
      rest = rest.slice(close + 1);
    }
    samples.push({
      name,
      labels,
      value: parseSampleValue(rest.trim().split(' ')[0]),
    });
  }
  return samples;
}
