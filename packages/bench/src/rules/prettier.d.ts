/*
 * The one function of Prettier 2 (a root devDependency, shipped without types) the benchmark
 * uses, to write its JSON results as the repository's formatter would.
 */
declare module 'prettier' {
  export function format(source: string, options: { parser: 'json' }): string;
}
