/**
 * A scenario file after parsing and validation (shared/model.md sections 2, 10, 11, 15).
 * Every numeric input is kept as a Quantity under its dotted path, defaults filled in, so the
 * deterministic run, the Monte Carlo, the tornado and the switching values all address inputs
 * the same way ("outcomes.effectiveness", "variables.bridgend_share_of_region").
 */
import type { Distribution } from '../model/distribution';
import type { LocalText } from '../model/localText';
import type { Council } from '../model/types';
import type { Formula } from './expression';

export type { LocalText } from '../model/localText';

export type { Formula } from './expression';

/** One `--set` override, parsed. */
export interface Override {
  /** The text after --set, e.g. "outcomes.effectiveness=0.3". */
  text: string;
  /** Key path segments, e.g. ["outcomes", "effectiveness"]; list items by index ("councils.0.name"). */
  path: string[];
  /** The value, YAML flow: "0.3", "{ dist: uniform, min: 1, max: 2 }", "\"a / 2\"". */
  valueText: string;
  /** 1-based column of the value within `text`. */
  valueColumn: number;
}

export type Quantity =
  { kind: 'number'; value: number } | { kind: 'distribution'; distribution: Distribution } | { kind: 'formula'; formula: Formula };

export interface Correlation {
  between: [string, string];
  rank: number;
}

export interface MonteCarloSettings {
  iterations: number;
  seed: number | string;
  processVariability: boolean;
  sampling: 'random' | 'latin_hypercube';
  correlations: Correlation[];
}

/** Observed counts for one period (shared/model.md section 15). Any count may be missing. */
export interface MonitoringPeriod {
  from: string;
  to: string;
  referrals?: number;
  starts?: number;
  followedUp?: number;
  breakdowns?: number;
  residentialEntries?: number;
}

/** Where something was written: 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One mistake in a scenario, shown as `FILE:LINE:COLUMN key.path: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted key path, e.g. "outcomes.effectiveness.min"; "" for the whole document. */
  path: string;
  message: string;
}

/** How sure an input is (shared/model.md section 19). An input with no status counts as an assumption. */
export type ProvenanceStatus = 'published' | 'local_data' | 'estimate' | 'assumption';

/** Where an input's value comes from (section 19). */
export interface Provenance {
  source?: LocalText;
  status?: ProvenanceStatus;
}

/**
 * One funding.schedule entry's dates (section 16). Its share is the quantity at
 * `funding.schedule.<index>.external_share` in Scenario.quantities.
 */
export interface FundingScheduleEntry {
  /** ISO date, e.g. "2026-01-01". */
  from: string;
  /** ISO date; undefined: to the end of the horizon. */
  to?: string;
}

/** A council of the scenario: its name is its key (perspectives, `decision.perspective`, URLs); its label is what a reader sees. */
export interface ScenarioCouncil extends Council {
  /** `label:` in the file, or the name in English only. */
  label: LocalText;
}

export interface Scenario {
  /** File name as given (for messages and the scenarios list). */
  file: string;
  /** The YAML text exactly as loaded. */
  text: string;
  /** Changes applied on top of the text (--set, the "try a change" form), if any. */
  overrides?: Override[];
  /** First 12 hex digits of the SHA-256 of the text. */
  hash: string;
  /** The scenario's name, description and sources: English, with Welsh when the file gives it. */
  name: LocalText;
  /** `{ en: '' }` when the file gives none. */
  description: LocalText;
  sources: LocalText[];
  /** finance.price_base, e.g. "2024/25", when given. */
  priceBase?: string;
  contract: {
    /** ISO dates, e.g. "2025-01-03". */
    start: string;
    baseEnd: string;
    maxYears: number;
    take: number;
  };
  /** How capacity was given: starts a year, or caseload with months per child. */
  capacityForm: 'starts_per_year' | 'caseload';
  /** service.max_wait_months; Infinity when left out. */
  maxWaitMonths: number;
  externalShareByYear: Record<string, number>;
  /**
   * funding.schedule entries in file order ([] when absent). Each entry's share is a quantity at
   * `funding.schedule.<i>.external_share`, so it can be drawn, overridden and swung like any input.
   */
  fundingSchedule: FundingScheduleEntry[];
  /** funding.if_grant_falls (default 'councils_pay'). */
  ifGrantFalls: 'councils_pay' | 'contract_ends';
  /** contract.price (default 'real'). */
  contractPrice: 'real' | 'cash';
  /** finance.discount_base_year, e.g. "2026/27", when given (default: the financial year of month 0). */
  discountBaseYear?: string;
  /**
   * The top-level `decision:` key (section 18): the headline perspective ('region' or a council
   * name; default 'region') and the decision map's two input paths when given.
   */
  decision: { perspective: string; map?: [string, string] };
  /**
   * Councils by name with their central shares. Each share is also a quantity (a fixed number) at
   * `councils.<i>.children_share` and `councils.<i>.match_share`, so break-even searches and the
   * decision map can move one council's share (the others stay as they are).
   */
  councils: ScenarioCouncil[];
  /** source and status of each input that gives them, by input path (section 19), e.g. "outcomes.effectiveness". */
  provenance: Record<string, Provenance>;
  /** monitoring.illustrative: the counts are made up for illustration (section 19). */
  monitoringIllustrative: boolean;
  /**
   * Things worth saying that do not stop the run (an entry wholly outside the horizon, a map
   * naming a fixed input), in the same form as problems.
   */
  warnings: Problem[];
  /** Named variables (numbers or distributions), by name. */
  variables: Record<string, Quantity>;
  /** Every numeric input by dotted path, defaults filled in (see scenario/catalogue.ts). */
  quantities: Record<string, Quantity>;
  monteCarlo: MonteCarloSettings;
  monitoring: MonitoringPeriod[];
  /** Where each key path was written in the file, for messages about it later. */
  positions: Record<string, SourcePosition>;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };
