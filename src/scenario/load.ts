/**
 * YAML text in, a validated Scenario or every problem at once (shared/model.md sections 2, 10,
 * 11, 12, 13 and 15).
 */
import * as z from 'zod';
import { centralValue } from '../model/distribution';
import { checkStructure, MAX_FILE_BYTES, plainValue, positionsOf, readDocument, type ScenarioDocument } from './document';
import { scenarioHash } from './hash';
import { issuesToProblems } from './issues';
import { applyOverrides, type Override } from './overrides';
import { INPUT_PATHS } from './paths';
import { sortProblems } from './problems';
import { validateScenario, VARIABLE_VALUE_SCHEMA, type ParsedScenario, type SchemaContext } from './schema';
import type { LoadResult, MonitoringPeriod, MonteCarloSettings, Problem, Quantity, Scenario } from './types';

export { formatProblem } from './problems';

/** Monte Carlo settings when the file leaves them out: no Monte Carlo unless asked for. */
export const DEFAULT_MONTE_CARLO: Readonly<MonteCarloSettings> = {
  iterations: 0,
  seed: 1,
  processVariability: false,
  sampling: 'random',
  correlations: [],
};

/** The value at a key path of plain parsed YAML, or undefined. */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const rawVariables = z.looseObject({ variables: z.record(z.string(), z.unknown()) });
const writtenAsDistribution = z.looseObject({ dist: z.string().refine((name) => name !== 'fixed') });

/** The value the deterministic run uses for a number or a distribution. */
function centralOf(quantity: Quantity): number | undefined {
  if (quantity.kind === 'number') return quantity.value;
  if (quantity.kind === 'distribution') return centralValue(quantity.distribution);
  return undefined;
}

/**
 * What the schema needs before it can check formulas and correlations: the declared variables
 * (with central values when they are valid) and which inputs are written as distributions.
 */
function schemaContext(value: unknown): SchemaContext {
  const declared = rawVariables.safeParse(value);
  const rawByName = declared.success ? declared.data.variables : {};
  const variables = new Map<string, number | undefined>();
  for (const [name, raw] of Object.entries(rawByName)) {
    const parsed = VARIABLE_VALUE_SCHEMA.safeParse(raw);
    variables.set(name, parsed.success ? centralOf(parsed.data) : undefined);
  }
  const distributionPaths = new Set<string>();
  for (const { path } of INPUT_PATHS) {
    if (writtenAsDistribution.safeParse(valueAt(value, path.split('.'))).success) distributionPaths.add(path);
  }
  for (const [name, raw] of Object.entries(rawByName)) {
    if (writtenAsDistribution.safeParse(raw).success) distributionPaths.add(`variables.${name}`);
  }
  return { variables, distributionPaths };
}

function monteCarloSettings(parsed: ParsedScenario): MonteCarloSettings {
  const settings = parsed.monte_carlo;
  return {
    iterations: settings?.iterations ?? DEFAULT_MONTE_CARLO.iterations,
    seed: settings?.seed ?? DEFAULT_MONTE_CARLO.seed,
    processVariability: settings?.process_variability ?? DEFAULT_MONTE_CARLO.processVariability,
    sampling: settings?.sampling ?? DEFAULT_MONTE_CARLO.sampling,
    correlations: (settings?.correlations ?? []).map(({ between, rank }) => ({ between: [between[0], between[1]], rank })),
  };
}

function monitoringPeriods(parsed: ParsedScenario): MonitoringPeriod[] {
  return (parsed.monitoring ?? []).map((period) => {
    const counts: Omit<MonitoringPeriod, 'from' | 'to'> = {
      referrals: period.referrals,
      starts: period.starts,
      followedUp: period.followed_up,
      breakdowns: period.breakdowns,
      residentialEntries: period.residential_entries,
    };
    const given = Object.entries(counts).filter(([, count]) => count !== undefined);
    return { from: period.from, to: period.to, ...Object.fromEntries(given) };
  });
}

/** Every numeric input by dotted path, defaults filled in (capacity only in the form given). */
function quantitiesOf(parsed: ParsedScenario): Record<string, Quantity> {
  const quantities: Record<string, Quantity> = {};
  for (const { path, defaultValue } of INPUT_PATHS) {
    const quantity = valueAt(parsed, path.split('.')) as Quantity | undefined;
    if (quantity !== undefined) quantities[path] = quantity;
    else if (defaultValue !== undefined) quantities[path] = { kind: 'number', value: defaultValue };
  }
  return quantities;
}

function toScenario(parsed: ParsedScenario, text: string, file: string, overrides: readonly Override[], source: ScenarioDocument): Scenario {
  const maxYears = parsed.contract.extensions?.max_years ?? 0;
  return {
    file,
    text,
    ...(overrides.length === 0 ? {} : { overrides: [...overrides] }),
    hash: scenarioHash(text, overrides),
    name: parsed.name,
    description: parsed.description ?? '',
    sources: parsed.sources ?? [],
    ...(parsed.finance?.price_base === undefined ? {} : { priceBase: parsed.finance.price_base }),
    contract: { start: parsed.contract.start, baseEnd: parsed.contract.base_end, maxYears, take: parsed.contract.extensions?.take ?? maxYears },
    capacityForm: parsed.service.capacity.starts_per_year === undefined ? 'caseload' : 'starts_per_year',
    maxWaitMonths: parsed.service.max_wait_months ?? Infinity,
    externalShareByYear: parsed.funding?.external_share_by_year ?? {},
    fundingSchedule: [],
    ifGrantFalls: 'councils_pay',
    contractPrice: 'real',
    decision: { perspective: 'region' },
    provenance: {},
    monitoringIllustrative: false,
    warnings: [],
    councils: (parsed.councils ?? []).map((council) => ({ name: council.name, childrenShare: council.children_share, matchShare: council.match_share })),
    variables: parsed.variables ?? {},
    quantities: quantitiesOf(parsed),
    monteCarlo: monteCarloSettings(parsed),
    monitoring: monitoringPeriods(parsed),
    positions: positionsOf(source),
  };
}

/** Problems with the same place and message once only; zod's at a path YAML already flagged dropped. */
function merged(yamlProblems: readonly Problem[], otherProblems: readonly Problem[]): Problem[] {
  const flagged = new Set(yamlProblems.map((problem) => problem.path));
  const seen = new Set<string>();
  return sortProblems([...yamlProblems, ...otherProblems.filter((problem) => !flagged.has(problem.path))]).filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function failed(problems: readonly Problem[]): LoadResult {
  return { ok: false, problems: sortProblems(problems) };
}

/**
 * Reads and validates a scenario file. Never throws for anything in `text`: every mistake comes
 * back as a Problem, all of them at once, sorted by line.
 * loadScenario(fs.readFileSync('scenarios/central.yaml', 'utf8'), 'scenarios/central.yaml')
 * -> { ok: true, scenario } or { ok: false, problems: [{ file, line, column, path, message }, ...] }
 */
export function loadScenario(text: string, file: string, overrides: readonly Override[] = []): LoadResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    return failed([{ file, line: 1, column: 1, path: '', message: 'the file is larger than 1 MB; a scenario file is a few kilobytes' }]);
  }
  const read = readDocument(text, file);
  if (!read.readable) return failed(read.problems);
  const overrideProblems = applyOverrides(read.source, overrides);
  const structureProblems = checkStructure(read.source);
  if (structureProblems.length > 0) return failed([...read.problems, ...overrideProblems, ...structureProblems]);
  const value = plainValue(read.source);
  if (!value.ok) return failed([...read.problems, ...overrideProblems, value.problem]);
  const result = validateScenario(value.value, schemaContext(value.value));
  const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, read.source);
  const problems = merged(read.problems, [...overrideProblems, ...schemaProblems]);
  if (!result.success || problems.length > 0) return failed(problems);
  return { ok: true, scenario: toScenario(result.data, text, file, overrides, read.source) };
}
