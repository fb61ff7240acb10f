/*
 * Parses an entity's Lookout annotations once per version of the entity: every signal request
 * needs the parsed spec, and parsing (YAML of `lookout.dev/slos`, PromQL of every selector) costs
 * far more than the request's own work once upstream answers are cached. The key is the entity
 * itself, serialized, so any change to it parses again; the parser is pure.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ParseOptions,
  ParseResult,
  parseObservabilitySpec,
} from '@lookout/plugin-observability-common';

/** @public */
export class EntitySpecCache {
  readonly #results = new Map<string, ParseResult>();

  constructor(
    private readonly parseOptions: ParseOptions,
    private readonly maxEntries = 1000,
  ) {}

  /** `parseObservabilitySpec(entity, parseOptions)`, from memory when the entity is unchanged. */
  parse(entity: Entity): ParseResult {
    const key = JSON.stringify(entity);
    const cached = this.#results.get(key);
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      this.#results.delete(key);
      this.#results.set(key, cached);
      return cached;
    }
    const result = parseObservabilitySpec(entity, this.parseOptions);
    this.#results.set(key, result);
    if (this.#results.size > this.maxEntries) {
      this.#results.delete(this.#results.keys().next().value!);
    }
    return result;
  }
}
