/**
 * Results as a plain-text table for a terminal (the command line's default format). Every word
 * comes from the message catalogue; numbers are formatted with Intl for the language in force
 * (`--lang cy` gives cy-GB).
 */
import type { OptionResult, Results, Totals } from '../model/results';
import { budgetSection } from './budgetTable';
import { decisionMapSection } from './decisionMapTable';
import { decisionSections } from './decisionResults';
import { REGION } from './decision';
import { decisionSection, truncationLines, type PerspectiveNamer } from './decisionTable';
import { formatMoney, formatNumber, formatPercent } from './format';
import { councilName, scenarioName } from './localText';
import { currentLocale, LOCALE_TAGS, t, tPlural, type MessageKey, type Locale } from './messages';
import { moneyBasisSentence } from './moneyBasis';
import { textTable, wrapText } from './textTable';

/** The widest line the table uses, for an 100-column terminal. */
const TERMINAL_WIDTH = 100;

// Formatted when called, so each run speaks the language in force.
const money = { format: (pounds: number): string => formatMoney(pounds) };
const count = { format: (value: number): string => formatNumber(value, 1) };
const whole = { format: (value: number): string => formatNumber(value, 0) };
const ratio = { format: (value: number): string => formatNumber(value, 2) };
const percent = { format: (share: number): string => formatPercent(share, 1) };
/** Four significant figures, one formatter per language (Intl formatters are slow to build). */
const fourFiguresByLocale = new Map<Locale, Intl.NumberFormat>();
const fourFigures = {
  format: (value: number): string => {
    const locale = currentLocale();
    let format = fourFiguresByLocale.get(locale);
    if (format === undefined) {
      format = new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumSignificantDigits: 4 });
      fourFiguresByLocale.set(locale, format);
    }
    return format.format(value);
  },
};

interface Row {
  label: MessageKey;
  /** Shown indented under the row above. */
  indent?: boolean;
  cell: (t: Totals) => string;
}

const ROWS: readonly Row[] = [
  { label: 'cli.row.referrals', cell: (x) => count.format(x.referrals) },
  { label: 'cli.row.starts', cell: (x) => count.format(x.starts) },
  { label: 'cli.row.waitingAtEnd', cell: (x) => count.format(x.waitingAtEnd) },
  { label: 'cli.row.turnedAway', cell: (x) => count.format(x.turnedAway) },
  { label: 'cli.row.breakdownsPrevented', cell: (x) => count.format(x.breakdownsPrevented) },
  { label: 'cli.row.placementsAvoided', cell: (x) => count.format(x.residentialPlacementsAvoided) },
  { label: 'cli.row.weeksAvoided', cell: (x) => count.format(x.residentialWeeksAvoided) },
  { label: 'cli.row.avoidedCost', cell: (x) => money.format(x.avoidedCost) },
  { label: 'cli.row.cashable', indent: true, cell: (x) => money.format(x.avoidedCostCashable) },
  { label: 'cli.row.contractCost', cell: (x) => money.format(x.contractCost) },
  { label: 'cli.row.netSaving', cell: (x) => money.format(x.netSaving) },
  { label: 'cli.row.avoidedCostPV', cell: (x) => money.format(x.avoidedCostPV) },
  { label: 'cli.row.contractCostPV', cell: (x) => money.format(x.contractCostPV) },
  { label: 'cli.row.npv', cell: (x) => money.format(x.npv) },
  { label: 'cli.row.bcr', cell: (x) => (x.bcr === null ? t('cli.notApplicable') : ratio.format(x.bcr)) },
  { label: 'cli.row.payback', cell: (x) => (x.paybackMonth === null ? t('cli.never') : String(x.paybackMonth)) },
];

function monteCarloLines(option: OptionResult, perspectiveName: PerspectiveNamer): string[] {
  const mc = option.monteCarlo;
  if (!mc) return [];
  const lines = [t('cli.monteCarlo', { iterations: whole.format(mc.iterations), seed: mc.seed })];
  const indented = (text: string): string => wrapText(text, TERMINAL_WIDTH, '  ', '    ');
  for (const [name, p] of Object.entries(mc.perspectives)) {
    lines.push(
      indented(
        t('cli.monteCarloLine', {
          name: perspectiveName(name),
          mean: money.format(p.npv.mean),
          margin: money.format(1.96 * p.npv.sem),
          p5: money.format(p.npv.p5),
          p95: money.format(p.npv.p95),
          chance: percent.format(p.probabilityNpvPositive),
          paidBack: percent.format(p.probabilityPaidBack),
        }),
      ),
    );
  }
  for (const w of mc.warnings) {
    const probability = w.code === 'few-iterations-probability';
    lines.push(
      indented(
        t(probability ? 'cli.note.probability' : 'cli.note.mean', {
          iterations: whole.format(w.iterations),
          margin: probability ? count.format(100 * w.margin) : money.format(w.margin),
          recommended: whole.format(w.recommended),
        }),
      ),
    );
  }
  return lines;
}

function optionTable(option: OptionResult, perspectiveName: PerspectiveNamer): string {
  const names = Object.keys(option.perspectives);
  const rows = ROWS.map((r) => ({
    label: t(r.label),
    indent: r.indent,
    cells: names.map((name) => r.cell(option.perspectives[name]!.totals)),
  }));
  const lines = textTable(names.map(perspectiveName), rows, TERMINAL_WIDTH);
  const breakEven = option.breakEven;
  if (breakEven.placementsNeeded !== null) lines.push(t('cli.breakEven', { count: count.format(breakEven.placementsNeeded) }));
  const switching = Object.entries(breakEven.switchingValues).map(
    ([path, v]) => `  ${path}: ${v === null ? t('cli.noneInRange') : fourFigures.format(v)}`,
  );
  if (switching.length > 0) lines.push(t('cli.switching'), ...switching);
  lines.push(...monteCarloLines(option, perspectiveName));
  return lines.join('\n');
}

/** The title of an option: "No extension (fixed term only)", "1 extension year", "3 extension years". */
function optionTitle(extensionYears: number): string {
  return extensionYears === 0 ? t('cli.option.none') : tPlural('cli.option', extensionYears);
}

/**
 * The results as text: the title and the money basis (once), one block per option with the
 * perspectives side by side, then (v1.2 results) the decision of each perspective, the decision
 * after a monitoring update, the cash budget of the headline option and the decision map. The
 * decision comes last so that it is what a terminal shows when the run ends.
 */
export function resultsTable(results: Results): string {
  // The region in the language in force; a council by its label in that language (its key when it has none).
  const perspectiveName: PerspectiveNamer = (perspective) =>
    perspective === REGION ? t('cli.perspective.region') : councilName(results, perspective);
  const blocks = results.options.map((o) => {
    const title = optionTitle(o.extensionYears);
    return `${title}\n${'='.repeat(title.length)}\n${optionTable(o, perspectiveName)}`;
  });
  const title = t('cli.title', { name: scenarioName(results), hash: results.scenario.hash, version: results.modelVersion });
  const sections = decisionSections(results);
  if (sections === null) return `${title}\n\n${blocks.join('\n\n')}\n`;
  const truncations = truncationLines(sections.truncations).map((line) => wrapText(line, TERMINAL_WIDTH));
  const decision = [
    decisionSection(sections.decision, false, TERMINAL_WIDTH, perspectiveName),
    ...(sections.updatedDecision ? [decisionSection(sections.updatedDecision, true, TERMINAL_WIDTH, perspectiveName)] : []),
    budgetSection(sections.budget, sections.headlineExtensionYears, TERMINAL_WIDTH, perspectiveName),
    ...(sections.decisionMap ? [decisionMapSection(sections.decisionMap, TERMINAL_WIDTH, perspectiveName)] : []),
    ...(truncations.length > 0 ? [truncations.join('\n')] : []),
  ];
  const basis = wrapText(moneyBasisSentence(sections.moneyBasis), TERMINAL_WIDTH);
  return `${title}\n${basis}\n\n${[...blocks, ...decision].join('\n\n')}\n`;
}
