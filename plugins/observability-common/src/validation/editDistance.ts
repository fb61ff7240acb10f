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
  // d[i][j]: distance between the first i characters of a and the first j of b.
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from(
      { length: cols },
      (__, j) => Math.max(i, j) * Number(i === 0 || j === 0),
    ),
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
 * The candidate closest to `word` (ignoring case), if it is close enough to be a typo: 1 edit for
 * words of up to 4 characters, 2 up to 10 characters, 3 beyond.
 * @internal
 */
export function closestMatch(
  word: string,
  candidates: readonly string[],
): string | undefined {
  let limit = 3;
  if (word.length <= 4) {
    limit = 1;
  } else if (word.length <= 10) {
    limit = 2;
  }
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
