/**
 * The decision map (shared/model.md section 18) as text for the command line: a grid of the best
 * option of the headline perspective, one figure per cell (its extension years), the y input down
 * (highest at the top, as on a chart) and the x input across. 21 x 21 cells fit an 100-column terminal.
 */
import type { DecisionMap } from '../model/results';
import { commandLinePerspective, type PerspectiveNamer } from './decisionTable';
import { currentLocale, LOCALE_TAGS, t, type Locale } from './messages';
import { inputLabel } from './inputs';
import { wrapText } from './textTable';

const fourFiguresByLocale = new Map<Locale, Intl.NumberFormat>();

/** Four significant figures in `locale`, one formatter per language (Intl formatters are slow to build). */
function fourFiguresIn(locale: Locale): Intl.NumberFormat {
  let format = fourFiguresByLocale.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumSignificantDigits: 4 });
    fourFiguresByLocale.set(locale, format);
  }
  return format;
}

/** An input in words with its path: "Effectiveness (outcomes.effectiveness)". */
function named(path: string): string {
  return `${inputLabel(path)} (${path})`;
}

/**
 * The map's lines: a heading, how to read it, then one line per y value from the highest.
 * @example decisionMapSection(map)  // "...\n  104  0 0 1 2 ..."
 */
export function decisionMapSection(map: DecisionMap, width = 100, name: PerspectiveNamer = commandLinePerspective): string {
  const heading = t('decisionTable.map.heading');
  const fourFigures = fourFiguresIn(currentLocale());
  const ys = map.y.values;
  const xs = map.x.values;
  const yLabels = ys.map((v) => fourFigures.format(v));
  const labelWidth = Math.max(...yLabels.map((l) => l.length));
  const grid: string[] = [];
  for (let iy = ys.length - 1; iy >= 0; iy--) {
    grid.push(`${yLabels[iy]!.padStart(labelWidth)}  ${map.bestOption[iy]!.map(String).join(' ')}`);
  }
  const read = [
    t('decisionTable.map.for', { perspective: name(map.perspective) }),
    t('decisionTable.map.rows', { input: named(map.y.input), low: fourFigures.format(ys[0]!), high: fourFigures.format(ys.at(-1)!) }),
    t('decisionTable.map.columns', { input: named(map.x.input), low: fourFigures.format(xs[0]!), high: fourFigures.format(xs.at(-1)!) }),
  ].map((line) => wrapText(line, width));
  return [`${heading}\n${'='.repeat(heading.length)}`, read.join('\n'), grid.join('\n')].join('\n\n');
}
