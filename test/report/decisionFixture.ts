/**
 * Hand-made v1.2 results (shared/model.md sections 17-18 shapes) for the table, CSV and workbook
 * tests: the region and Bridgend, options 0..2, three financial years. The figures are made up but
 * consistent: net budget effect = cashable saving - own contribution, cumulative = running sum,
 * own contribution = gross contract cost - external funding.
 */
import type { RunStamp } from '../../src/report/stamp';
import type {
  BudgetYear,
  DecisionFigure,
  DecisionOption,
  MoneyBasis,
  OptionBudget,
  PerspectiveDecision,
  Results,
} from '../../src/model/results';

export const BASIS: MoneyBasis = {
  priceBase: '2024/25',
  inflation: 0.02,
  contractPrice: 'cash',
  discountRate: 0.035,
  discountBaseYear: '2026/27',
};

function figure(central: number, simulated: boolean, mean = central, sem = 0): DecisionFigure {
  return simulated
    ? { central, mean, sem, p10: mean - 1000, p50: mean, p90: mean + 1000, probabilityPositive: mean > 0 ? 0.75 : 0.25 }
    : { central, mean: null, sem: null, p10: null, p50: null, p90: null, probabilityPositive: null };
}

function option(
  k: number,
  simulated: boolean,
  o: {
    adds: number;
    addsMean: number;
    addsSem: number;
    marginal: number | null;
    best: number;
    loss: number;
    price: number | null;
    priceMean: number | null;
    early: number;
  },
): DecisionOption {
  return {
    extensionYears: k,
    incrementalNpv: figure(o.adds, simulated, o.addsMean, o.addsSem),
    incrementalNetCash: figure(o.adds * 1.1, simulated, o.addsMean * 1.1, o.addsSem),
    marginalNpv: o.marginal === null ? null : figure(o.marginal, simulated, o.marginal + 500, 321.5),
    probabilityBest: simulated ? o.best : null,
    probabilityBestSem: simulated ? Math.sqrt((o.best * (1 - o.best)) / 2000) : null,
    expectedLoss: simulated ? o.loss : null,
    expectedLossSem: simulated ? o.loss / 20 : null,
    breakEvenAnnualPrice: simulated ? o.priceMean : null,
    breakEvenAnnualPriceCentral: o.price,
    probabilityEndedEarly: simulated ? o.early : null,
  };
}

function decisions(simulated: boolean): Record<string, PerspectiveDecision> {
  return {
    region: {
      bestOption: simulated ? 1 : 0,
      bestOptionCentral: 0,
      options: [
        option(0, simulated, {
          adds: 0,
          addsMean: 0,
          addsSem: 0,
          marginal: null,
          best: 0.4,
          loss: 52_000.4,
          price: null,
          priceMean: null,
          early: 0,
        }),
        option(1, simulated, {
          adds: -12_345.67,
          addsMean: 23_456.78,
          addsSem: 4_321.09,
          marginal: -12_345.67,
          best: 0.45,
          loss: 41_000.6,
          price: 610_000.49,
          priceMean: 702_345.5,
          early: 0.5,
        }),
        option(2, simulated, {
          adds: -250_000,
          addsMean: -150_000,
          addsSem: 9_000,
          marginal: -237_654.33,
          best: 0.15,
          loss: 190_000,
          price: 480_000,
          priceMean: 520_000,
          early: 0.5,
        }),
      ],
    },
    Bridgend: {
      bestOption: 2,
      bestOptionCentral: 2,
      options: [
        option(0, simulated, {
          adds: 0,
          addsMean: 0,
          addsSem: 0,
          marginal: null,
          best: 0.1,
          loss: 30_000,
          price: null,
          priceMean: null,
          early: 0,
        }),
        option(1, simulated, {
          adds: 15_000,
          addsMean: 16_000,
          addsSem: 1_000,
          marginal: 15_000,
          best: 0.2,
          loss: 14_000,
          price: 990_000,
          priceMean: 1_000_000,
          early: 0.5,
        }),
        option(2, simulated, {
          adds: 28_000,
          addsMean: 30_000,
          addsSem: 2_000,
          marginal: 13_000,
          best: 0.7,
          loss: 500,
          price: 1_100_000,
          priceMean: 1_200_000,
          early: 0.5,
        }),
      ],
    },
  };
}

function year(
  label: string,
  gross: number,
  grant: number,
  cashable: number,
  nonCashable: number,
  cumulativeBefore: number,
  simulated: boolean,
): BudgetYear {
  const own = gross - grant;
  const net = cashable - own;
  return {
    year: label,
    grossContractCost: gross,
    externalFunding: grant,
    ownContribution: own,
    cashableSaving: cashable,
    nonCashableSaving: nonCashable,
    netBudgetEffect: net,
    cumulativeNetBudgetEffect: cumulativeBefore + net,
    netBudgetEffectP10: simulated ? net - 5_000 : null,
    netBudgetEffectP50: simulated ? net + 100 : null,
    netBudgetEffectP90: simulated ? net + 7_000 : null,
  };
}

/** Three years of one option; `scale` makes each option and perspective different. */
function optionBudget(k: number, scale: number, simulated: boolean): OptionBudget {
  // Region option 2 (scale 1): own 0, 40,000, 30,000; net 0, 10,000.125, -10,000; cumulative 0, 10,000.125, 0.125.
  const y1 = year('2024/25', 100_000 * scale, 100_000 * scale, 0, 0, 0, simulated);
  const y2 = year('2025/26', 400_000 * scale, 360_000 * scale, 50_000.125 * scale, 10_000 * scale, y1.cumulativeNetBudgetEffect, simulated);
  const y3 = year('2026/27', 300_000 * scale, 270_000 * scale, 20_000 * scale, 5_000 * scale, y2.cumulativeNetBudgetEffect, simulated);
  return { extensionYears: k, byFinancialYear: [y1, y2, y3] };
}

/** Results carrying only what the decision outputs read (no per-option tables). */
export function decisionResults(options: { simulated?: boolean; updated?: boolean; name?: string; map?: boolean } = {}): Results {
  const simulated = options.simulated ?? true;
  return {
    scenario: { name: options.name ?? 'Fixture', hash: 'abcdef123456' },
    modelVersion: '0.1.0+0123456789ab',
    options: [],
    headlineExtensionYears: 2,
    moneyBasis: BASIS,
    decision: decisions(simulated),
    ...(options.updated ? { updatedDecision: decisions(simulated) } : {}),
    budget: {
      region: [0, 1, 2].map((k) => optionBudget(k, k / 2, simulated)),
      Bridgend: [0, 1, 2].map((k) => optionBudget(k, k / 20, simulated)),
    },
    // bestOption[iy][ix]: y (weeks) 40 then 80; x (effectiveness) 0.2, 0.3, 0.4.
    decisionMap: options.map
      ? {
          perspective: 'region',
          x: { input: 'outcomes.effectiveness', values: [0.2, 0.3, 0.4] },
          y: { input: 'outcomes.residential_weeks', values: [40, 80] },
          bestOption: [
            [0, 0, 1],
            [0, 2, 2],
          ],
        }
      : null,
    headlinePerspective: 'region',
    truncations: simulated ? [{ input: 'outcomes.residential_weeks', limit: 520, probabilityBeyond: 0.0035 }] : [],
  };
}

/** CSV text as rows of cells (quoted cells with commas, quotes and newlines; the writer's own format). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The CSV's tables (split at blank lines), each as objects keyed by its header. */
export function csvTables(text: string): Record<string, string>[][] {
  const tables: string[][][] = [[]];
  for (const row of parseCsv(text)) {
    if (row.length === 1 && row[0] === '') tables.push([]);
    else tables.at(-1)!.push(row);
  }
  return tables.map(([head, ...body]) => body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? '']))));
}

/**
 * A run stamp for export tests: scenario "x", seed 7, 2,000 simulations, 2024/25 prices at 3.5%,
 * run 2 June 2025; `overrides` sets the rest (a url, changes).
 */
export function testStamp(overrides: Partial<RunStamp> = {}): RunStamp {
  return {
    scenarioName: 'x',
    file: 'x',
    hash: 'h',
    fileHash: 'f',
    modelVersion: 'v',
    seed: '7',
    iterations: 2000,
    changes: [],
    ranAt: '2025-06-02T10:00:00.000Z',
    priceBase: '2024/25',
    discountRate: 0.035,
    ...overrides,
  };
}
