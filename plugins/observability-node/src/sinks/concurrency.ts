/*
 * Bounded concurrency for the file sinks: file operations wait on the disk, not the CPU, so
 * independent entities are written side by side.
 */

/** Default number of entities a file sink works on at once. @public */
export const DEFAULT_SINK_CONCURRENCY = 16;

/** `fn` over `items`, at most `limit` at a time; results in the order of `items`. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}
