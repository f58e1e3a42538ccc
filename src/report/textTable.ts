/**
 * A plain-text table for a terminal: a label column, then value columns right-aligned. When the
 * columns do not fit the width, they are shown in blocks (the label column repeats), so a table of
 * many options or financial years stays readable in an 100-column terminal.
 */

/** A row of a text table: a heading row (no cells) spans the table; an indented row sits under it. */
export interface TextRow {
  label: string;
  /** One cell per column; undefined for a heading row. */
  cells?: readonly string[];
  indent?: boolean;
}

const GAP = 2;
const INDENT = '  ';

/**
 * Lines of the table, no wider than `width` unless one column alone is wider.
 * @example textTable(['2025/26'], [{ label: 'Net', cells: ['£5'] }]) // ['     2025/26', 'Net       £5']
 */
export function textTable(heads: readonly string[], rows: readonly TextRow[], width = 100): string[] {
  const labels = rows.map((row) => (row.indent ? INDENT : '') + row.label);
  const labelWidth = Math.max(0, ...rows.map((row, i) => (row.cells ? labels[i]!.length : 0)));
  const columnWidths = heads.map((head, c) => Math.max(head.length, ...rows.map((row) => row.cells?.[c]?.length ?? 0)));
  const blocks: number[][] = [];
  let used = labelWidth;
  columnWidths.forEach((columnWidth, c) => {
    const current = blocks.at(-1);
    if (current === undefined || used + GAP + columnWidth > width) {
      blocks.push([c]);
      used = labelWidth + GAP + columnWidth;
    } else {
      current.push(c);
      used += GAP + columnWidth;
    }
  });
  if (blocks.length === 0) blocks.push([]);
  const lines: string[] = [];
  blocks.forEach((columns, b) => {
    if (b > 0) lines.push('');
    const line = (label: string, cells: (c: number) => string): string =>
      (label.padEnd(labelWidth) + columns.map((c) => ' '.repeat(GAP) + cells(c).padStart(columnWidths[c]!)).join('')).trimEnd();
    lines.push(line('', (c) => heads[c]!));
    rows.forEach((row, i) => lines.push(row.cells ? line(labels[i]!, (c) => row.cells![c] ?? '') : labels[i]!));
  });
  return lines;
}

/**
 * Text broken at spaces into lines no wider than `width` (a word longer than that keeps its own
 * line), the first line starting with `indent` and the others with `hanging`.
 * @example wrapText('one two three', 7) // "one two\nthree"
 * @example wrapText('one two three', 9, '  ', '    ') // "  one two\n    three"
 */
export function wrapText(text: string, width = 100, indent = '', hanging = indent): string {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}
