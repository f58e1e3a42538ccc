/**
 * "Did you mean ...?" for misspelt keys, distribution names and input paths.
 */

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions,
 * substitutions and swaps of two neighbouring letters each cost 1.
 * editDistance('breakdown_rsk', 'breakdown_risk') -> 1; editDistance('pret', 'pert') -> 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, table[i - 2]![j - 2]! + 1);
      table[i]![j] = best;
    }
  }
  return table[a.length]![b.length]!;
}

/** Lower case without separators, so `breakdownRisk`, `Breakdown-Risk` and `breakdown_risk` compare equal. */
function loosely(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The known name closest to a misspelt one, or undefined when none is close: at most 2 edits, and
 * at most a third of the name's length.
 * closestName('breakdown_rsk', ['breakdown_risk', 'effectiveness']) -> 'breakdown_risk'
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const loose = loosely(name);
  const sameLoosely = known.find((candidate) => loosely(candidate) === loose);
  if (sameLoosely !== undefined) return sameLoosely;
  const limit = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(loose, loosely(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** "; did you mean `x`?" or "" when nothing is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return closest === undefined ? '' : `; did you mean \`${closest}\`?`;
}
