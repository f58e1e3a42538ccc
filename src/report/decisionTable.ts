/**
 * The decision of each perspective as text for the command line (shared/model.md section 18):
 * for each option what it adds to stopping at the end of the fixed term, what its last year adds,
 * the chance it is best, its expected loss, its break-even annual price and the chance the
 * contract ended early; then the best option, by the average across the simulations when Monte
 * Carlo ran, else at the central values.
 */
import type { DecisionFigure, PerspectiveDecision, TruncatedInput } from '../model/results';
import { decisionSimulated } from './decisionResults';
import { formatMoney, formatNumber, formatPercent } from './format';
import { REGION } from './decision';
import { inputLabel } from './inputs';
import { t, tPlural } from './messages';
import { textTable, wrapText, type TextRow } from './textTable';

/** A column head for an option: "No extension", "1 year", "3 years". */
export function optionHead(extensionYears: number): string {
  return extensionYears === 0 ? t('decisionTable.option.none') : tPlural('decisionTable.option', extensionYears);
}

/** An option in a sentence: "no extension", "1 extension year", "3 extension years". */
export function optionInWords(extensionYears: number): string {
  return extensionYears === 0 ? t('decisionTable.option.long.none') : tPlural('decisionTable.option.long', extensionYears);
}

/** A perspective as the command line names it: "region" (in the language in force) or the council's name. */
export function commandLinePerspective(perspective: string): string {
  return perspective === REGION ? t('cli.perspective.region') : perspective;
}

/** How a table names a perspective from its key (the results' council labels, in resultsTable). */
export type PerspectiveNamer = (perspective: string) => string;

const none = (): string => t('decisionTable.none');
const money = (pounds: number | null | undefined): string => (pounds === null || pounds === undefined ? none() : formatMoney(pounds));
/** A share as a percentage with one decimal place, so a column lines up: 0.4 -> "40.0%". */
const share = (probability: number | null | undefined): string =>
  probability === null || probability === undefined ? none() : t('decisionTable.percent', { value: formatNumber(100 * probability, 1) });

function figureRows(
  heading: 'decisionTable.row.adds' | 'decisionTable.row.marginal' | 'decisionTable.row.budget',
  figures: (DecisionFigure | null)[],
  simulated: boolean,
): TextRow[] {
  const rows: TextRow[] = [
    { label: t(heading) },
    { label: t('decisionTable.row.central'), indent: true, cells: figures.map((f) => money(f?.central)) },
  ];
  if (simulated) {
    rows.push({ label: t('decisionTable.row.mean'), indent: true, cells: figures.map((f) => money(f?.mean)) });
    rows.push({ label: t('decisionTable.row.sem'), indent: true, cells: figures.map((f) => money(f?.sem)) });
  }
  return rows;
}

/** The lines for one perspective's decision. */
export function perspectiveDecisionLines(
  perspectiveKey: string,
  decision: PerspectiveDecision,
  simulated: boolean,
  width = 100,
  name: PerspectiveNamer = commandLinePerspective,
): string[] {
  const perspective = name(perspectiveKey);
  const options = decision.options;
  const rows: TextRow[] = [
    ...figureRows(
      'decisionTable.row.adds',
      options.map((o) => o.incrementalNpv),
      simulated,
    ),
    ...figureRows(
      'decisionTable.row.marginal',
      options.map((o) => o.marginalNpv),
      simulated,
    ),
  ];
  // The extension years' effect on the councils' own budgets in cash (cashable savings only).
  if (options.every((o) => o.incrementalNetBudgetEffect !== undefined)) {
    rows.push(
      ...figureRows(
        'decisionTable.row.budget',
        options.map((o) => o.incrementalNetBudgetEffect!),
        simulated,
      ),
    );
  }
  if (simulated) {
    rows.push(
      { label: t('decisionTable.row.chanceBest'), cells: options.map((o) => share(o.probabilityBest)) },
      { label: t('decisionTable.row.sem'), indent: true, cells: options.map((o) => share(o.probabilityBestSem)) },
      { label: t('decisionTable.row.expectedLoss'), cells: options.map((o) => money(o.expectedLoss)) },
      { label: t('decisionTable.row.sem'), indent: true, cells: options.map((o) => money(o.expectedLossSem)) },
    );
  }
  rows.push({ label: t('decisionTable.row.breakEven') });
  rows.push({ label: t('decisionTable.row.central'), indent: true, cells: options.map((o) => money(o.breakEvenAnnualPriceCentral)) });
  if (simulated) {
    rows.push({ label: t('decisionTable.row.mean'), indent: true, cells: options.map((o) => money(o.breakEvenAnnualPrice)) });
    rows.push({ label: t('decisionTable.row.endedEarly'), cells: options.map((o) => share(o.probabilityEndedEarly)) });
  }
  const best = simulated
    ? t('decisionTable.best.mean', { perspective, option: optionInWords(decision.bestOption) })
    : t('decisionTable.best.central', { perspective, option: optionInWords(decision.bestOptionCentral) });
  const lines = [
    t('decisionTable.for', { perspective }),
    ...textTable(
      options.map((o) => optionHead(o.extensionYears)),
      rows,
      width,
    ),
    wrapText(best, width),
  ];
  if (simulated && decision.bestOptionCentral !== decision.bestOption)
    lines.push(wrapText(t('decisionTable.best.centralDiffers', { option: optionInWords(decision.bestOptionCentral) }), width));
  return lines;
}

/** The whole decision section: a heading, then each perspective (region first). */
export function decisionSection(
  decision: Record<string, PerspectiveDecision>,
  updated: boolean,
  width = 100,
  name: PerspectiveNamer = commandLinePerspective,
): string {
  const simulated = decisionSimulated(decision);
  const heading = t(updated ? 'decisionTable.headingUpdated' : 'decisionTable.heading');
  const blocks = Object.entries(decision).map(([perspective, d]) =>
    perspectiveDecisionLines(perspective, d, simulated, width, name).join('\n'),
  );
  return [`${heading}\n${'='.repeat(heading.length)}`, ...blocks].join('\n\n');
}

/** One line per sanity limit that cut draws. */
export function truncationLines(truncations: readonly TruncatedInput[]): string[] {
  return truncations.map((cut) =>
    t('decisionTable.truncation', {
      input: `${inputLabel(cut.input)} (${cut.input})`,
      limit: formatNumber(cut.limit, Number.isInteger(cut.limit) ? 0 : 2),
      chance: formatPercent(cut.probabilityBeyond, 2),
    }),
  );
}
