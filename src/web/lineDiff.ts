/**
 * A readable line diff between two texts (jsdiff's longest common subsequence on lines): each row
 * says whether the line is the same, removed or added, with its number in the old and new text.
 * Long runs of unchanged lines are folded to a few lines of context either side of a change.
 */
import { diffArrays } from 'diff';

export interface DiffRow {
  kind: 'same' | 'removed' | 'added' | 'folded';
  /** Line number in the old text (same, removed). */
  oldNumber: number | null;
  /** Line number in the new text (same, added). */
  newNumber: number | null;
  text: string;
  /** For 'folded': how many unchanged lines are not shown. */
  count?: number;
}

/** The lines of a text, whatever its line endings. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/**
 * @example lineDiff('a\nb\n', 'a\nc\n').map((r) => r.kind) // ['same', 'removed', 'added', 'same']
 */
export function lineDiff(oldText: string, newText: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  for (const part of diffArrays(linesOf(oldText), linesOf(newText))) {
    for (const text of part.value) {
      if (part.added) rows.push({ kind: 'added', oldNumber: null, newNumber: newNumber++, text });
      else if (part.removed) rows.push({ kind: 'removed', oldNumber: oldNumber++, newNumber: null, text });
      else rows.push({ kind: 'same', oldNumber: oldNumber++, newNumber: newNumber++, text });
    }
  }
  const near = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) near[j] = true;
  });
  const folded: DiffRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (near[i]) {
      folded.push(rows[i]!);
      continue;
    }
    let end = i;
    while (end + 1 < rows.length && !near[end + 1]) end++;
    folded.push({ kind: 'folded', oldNumber: null, newNumber: null, text: '', count: end - i + 1 });
    i = end;
  }
  return folded;
}

/** How many lines were added and removed. */
export function diffCounts(rows: readonly DiffRow[]): { added: number; removed: number } {
  return { added: rows.filter((r) => r.kind === 'added').length, removed: rows.filter((r) => r.kind === 'removed').length };
}
