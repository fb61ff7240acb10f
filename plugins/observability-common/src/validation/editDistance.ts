/*
 * Edit distance for "did you mean" suggestions on misspelt annotation keys and SLO fields.
 */

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
 * adjacent characters each cost 1 (so `slso` → `slos` is 1).
 * @internal
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo: at most 2 edits, or 3 for
 * words longer than 10 characters, and fewer edits than the word is long.
 * @internal
 */
export function closestMatch(
  word: string,
  candidates: readonly string[],
): string | undefined {
  const limit = Math.min(word.length > 10 ? 3 : 2, Math.max(word.length - 1, 0));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
