/**
 * Results as a plain-text table for a terminal (the command line's default format).
 */
import type { OptionResult, Results, Totals } from '../model/results';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const ratio = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

interface Row {
  label: string;
  cell: (t: Totals) => string;
}

const ROWS: readonly Row[] = [
  { label: 'Referrals', cell: (t) => count.format(t.referrals) },
  { label: 'Children starting', cell: (t) => count.format(t.starts) },
  { label: 'Waiting at end of term', cell: (t) => count.format(t.waitingAtEnd) },
  { label: 'Turned away', cell: (t) => count.format(t.turnedAway) },
  { label: 'Breakdowns prevented', cell: (t) => count.format(t.breakdownsPrevented) },
  { label: 'Residential placements avoided', cell: (t) => count.format(t.residentialPlacementsAvoided) },
  { label: 'Residential weeks avoided', cell: (t) => count.format(t.residentialWeeksAvoided) },
  { label: 'Avoided cost (cash)', cell: (t) => money.format(t.avoidedCost) },
  { label: '  of which cashable', cell: (t) => money.format(t.avoidedCostCashable) },
  { label: 'Contract cost (cash)', cell: (t) => money.format(t.contractCost) },
  { label: 'Net saving (cash)', cell: (t) => money.format(t.netSaving) },
  { label: 'Avoided cost (present value)', cell: (t) => money.format(t.avoidedCostPV) },
  { label: 'Contract cost (present value)', cell: (t) => money.format(t.contractCostPV) },
  { label: 'Net present value', cell: (t) => money.format(t.npv) },
  { label: 'Benefit-cost ratio', cell: (t) => (t.bcr === null ? 'n/a' : ratio.format(t.bcr)) },
  { label: 'Payback month', cell: (t) => (t.paybackMonth === null ? 'never' : String(t.paybackMonth)) },
];

function pad(text: string, width: number, left: boolean): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

function optionTable(option: OptionResult): string {
  const names = Object.keys(option.perspectives);
  const columns = names.map((name) => ROWS.map((r) => r.cell(option.perspectives[name]!.totals)));
  const labelWidth = Math.max(...ROWS.map((r) => r.label.length));
  const widths = names.map((name, i) => Math.max(name.length, ...columns[i]!.map((c) => c.length)));
  const lines = [pad('', labelWidth, true) + names.map((n, i) => '  ' + pad(n, widths[i]!, false)).join('')];
  ROWS.forEach((row, r) => lines.push(pad(row.label, labelWidth, true) + columns.map((c, i) => '  ' + pad(c[r]!, widths[i]!, false)).join('')));
  const breakEven = option.breakEven;
  if (breakEven.placementsNeeded !== null) {
    lines.push(`Break-even: the region must avoid ${count.format(breakEven.placementsNeeded)} residential placements over the option.`);
  }
  const switching = Object.entries(breakEven.switchingValues)
    .map(([path, v]) => `  ${path}: ${v === null ? 'none in range' : Number(v.toPrecision(4)).toLocaleString('en-GB')}`)
    .join('\n');
  if (switching) lines.push('Switching values (region NPV = 0):\n' + switching);
  const mc = option.monteCarlo;
  if (mc) {
    lines.push(`Monte Carlo (${count.format(mc.iterations).replace('.0', '')} runs, seed ${mc.seed}):`);
    for (const [name, p] of Object.entries(mc.perspectives)) {
      lines.push(
        `  ${name}: NPV mean ${money.format(p.npv.mean)} (± ${money.format(1.96 * p.npv.sem)}), P5 ${money.format(p.npv.p5)} to P95 ${money.format(p.npv.p95)}; ` +
          `chance NPV > 0 ${percent.format(p.probabilityNpvPositive)}; chance paid back within the term ${percent.format(p.probabilityPaidBack)}`,
      );
    }
    for (const w of mc.warnings) {
      const what =
        w.code === 'few-iterations-probability'
          ? `the chance of a positive NPV is only known to within ±${count.format(100 * w.margin)} percentage points`
          : `the average NPV is only known to within ±${money.format(w.margin)}`;
      lines.push(`  Note: with ${w.iterations.toLocaleString('en-GB')} runs ${what}; use at least ${w.recommended.toLocaleString('en-GB')} runs.`);
    }
  }
  return lines.join('\n');
}

/** The results as text: one block per option, perspectives side by side. */
export function resultsTable(results: Results): string {
  const blocks = results.options.map((o) => {
    const title = o.extensionYears === 0 ? 'No extension (fixed term only)' : `${o.extensionYears} extension year${o.extensionYears === 1 ? '' : 's'}`;
    return `${title}\n${'='.repeat(title.length)}\n${optionTable(o)}`;
  });
  return `${results.scenario.name} (scenario ${results.scenario.hash}, model version ${results.modelVersion})\n\n${blocks.join('\n\n')}\n`;
}
