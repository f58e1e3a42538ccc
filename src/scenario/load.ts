/**
 * YAML text in, a validated Scenario or every problem at once (shared/model.md sections 2, 10,
 * 11, 12, 13, 15 and 16-19), with warnings for what does not stop a run.
 */
import * as z from 'zod';
import { centralValue, support } from '../model/distribution';
import { calendarMonth, horizonMonths, monthsFrom } from '../model/time';
import { checkStructure, locate, MAX_FILE_BYTES, plainValue, positionsOf, readDocument, type ScenarioDocument } from './document';
import { scenarioHash } from './hash';
import { uncertainPaths, yearMonthOf } from './inputs';
import { issuesToProblems } from './issues';
import { applyOverrides, type Override } from './overrides';
import { councilSharePath, INPUTS, scheduleSharePath, WEEKS_LIMIT } from './catalogue';
import { dottedPath, sortProblems } from './problems';
import { validateScenario, VARIABLE_VALUE_SCHEMA, type ParsedScenario, type SchemaContext } from './schema';
import type {
  LoadResult,
  LocalText,
  MonitoringPeriod,
  MonteCarloSettings,
  Problem,
  Provenance,
  ProvenanceStatus,
  Quantity,
  Scenario,
} from './types';

export { formatProblem } from './problems';

/** Monte Carlo settings when the file leaves them out: no Monte Carlo unless asked for. */
export const DEFAULT_MONTE_CARLO: Readonly<MonteCarloSettings> = {
  iterations: 0,
  seed: 1,
  processVariability: false,
  sampling: 'random',
  correlations: [],
};

/** Most variables a file may declare (each is parsed and checked; a scenario uses a handful). */
export const MAX_VARIABLES = 200;

/** How many variables the plain value declares. */
function variablesIn(value: unknown): number {
  const variables = valueAt(value, ['variables']);
  return isMapping(variables) ? Object.keys(variables).length : 0;
}

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

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a list at a key path of the plain value ([] when it is not a list). */
function listAt(value: unknown, path: readonly string[]): unknown[] {
  const list = valueAt(value, path);
  return Array.isArray(list) ? list : [];
}

/** The file's list-item input paths: schedule shares, then council shares (section 16). */
function listPathsOf(value: unknown): string[] {
  return [
    ...listAt(value, ['funding', 'schedule']).map((_, index) => scheduleSharePath(index)),
    ...listAt(value, ['councils']).flatMap((_, index) => [
      councilSharePath(index, 'children_share'),
      councilSharePath(index, 'match_share'),
    ]),
  ];
}

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
  const listPaths = listPathsOf(value);
  const distributionPaths = new Set<string>();
  for (const path of [...INPUTS.map((p) => p.path), ...listPaths]) {
    if (writtenAsDistribution.safeParse(valueAt(value, path.split('.'))).success) distributionPaths.add(path);
  }
  for (const [name, raw] of Object.entries(rawByName)) {
    if (writtenAsDistribution.safeParse(raw).success) distributionPaths.add(`variables.${name}`);
  }
  const councilNames = listAt(value, ['councils']).flatMap((council) =>
    isMapping(council) && typeof council.name === 'string' ? [council.name.trim()] : [],
  );
  // The keys the scenario's quantities will have: given or defaulted (capacity only in the form given).
  const inputPaths = [
    ...INPUTS.filter(
      (p) =>
        valueAt(value, p.path.split('.')) !== undefined ||
        p.defaultValue !== undefined ||
        (p.optional !== true && !p.path.startsWith('service.capacity.')),
    ).map((p) => p.path),
    ...listPaths,
    ...[...variables.keys()].map((name) => `variables.${name}`),
  ];
  return { variables, distributionPaths, councilNames, listPaths, inputPaths };
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

type ParsedPeriod = Extract<NonNullable<ParsedScenario['monitoring']>, readonly unknown[]>[number];

/** The periods, from the plain list of section 15 or `{ illustrative, periods }` of section 19. */
function parsedPeriods(parsed: ParsedScenario): ParsedPeriod[] {
  const monitoring = parsed.monitoring;
  if (monitoring === undefined) return [];
  return Array.isArray(monitoring) ? monitoring : (monitoring as { periods: ParsedPeriod[] }).periods;
}

function monitoringIllustrative(parsed: ParsedScenario): boolean {
  const monitoring = parsed.monitoring;
  return monitoring !== undefined && !Array.isArray(monitoring) && (monitoring as { illustrative?: boolean }).illustrative === true;
}

function monitoringPeriods(parsed: ParsedScenario): MonitoringPeriod[] {
  return parsedPeriods(parsed).map((period) => {
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

/**
 * Every numeric input by dotted path, defaults filled in (capacity only in the form given), then
 * each schedule entry's share and each council's two shares (fixed numbers) by list index.
 */
function quantitiesOf(parsed: ParsedScenario): Record<string, Quantity> {
  const quantities: Record<string, Quantity> = {};
  for (const { path, defaultValue } of INPUTS) {
    const quantity = valueAt(parsed, path.split('.')) as Quantity | undefined;
    if (quantity !== undefined) quantities[path] = quantity;
    else if (defaultValue !== undefined) quantities[path] = { kind: 'number', value: defaultValue };
  }
  (parsed.funding?.schedule ?? []).forEach((entry, index) => {
    quantities[scheduleSharePath(index)] = entry.external_share;
  });
  (parsed.councils ?? []).forEach((council, index) => {
    quantities[councilSharePath(index, 'children_share')] = { kind: 'number', value: council.children_share };
    quantities[councilSharePath(index, 'match_share')] = { kind: 'number', value: council.match_share };
  });
  return quantities;
}

/** Text as written (already validated): a string is English; a mapping gives `en` and perhaps `cy`. */
function localTextOf(written: unknown): LocalText | undefined {
  if (typeof written === 'string') return { en: written };
  if (!isMapping(written) || typeof written.en !== 'string') return undefined;
  return typeof written.cy === 'string' ? { en: written.en, cy: written.cy } : { en: written.en };
}

/** `source:` and `status:` written on a value (already validated), or undefined. */
function provenanceAt(node: unknown): Provenance | undefined {
  if (!isMapping(node)) return undefined;
  const provenance: Provenance = {};
  const source = localTextOf(node.source);
  if (source !== undefined) provenance.source = source;
  if (typeof node.status === 'string') provenance.status = node.status as ProvenanceStatus;
  return Object.keys(provenance).length === 0 ? undefined : provenance;
}

/**
 * Provenance of every input that gives it (section 19), by input path, read from the file's
 * plain value (overrides applied). A schedule entry's own source and status apply to its share
 * unless the share gives its own.
 */
function provenanceOf(value: unknown, quantityPaths: readonly string[]): Record<string, Provenance> {
  const found: Record<string, Provenance> = {};
  const add = (path: string, provenance: Provenance | undefined): void => {
    if (provenance !== undefined) found[path] = provenance;
  };
  for (const path of quantityPaths) {
    if (!path.startsWith('funding.schedule.')) add(path, provenanceAt(valueAt(value, path.split('.'))));
  }
  listAt(value, ['funding', 'schedule']).forEach((entry, index) => {
    const own = provenanceAt(valueAt(entry, ['external_share']));
    const inherited = provenanceAt(entry);
    if (own !== undefined || inherited !== undefined) add(scheduleSharePath(index), { ...inherited, ...own });
  });
  const variables = valueAt(value, ['variables']);
  if (isMapping(variables)) for (const [name, node] of Object.entries(variables)) add(`variables.${name}`, provenanceAt(node));
  return found;
}

/** The YYYY-MM of month `index` of the model. monthLabel({year: 2025, month: 1}, 14) -> "2026-03" */
function monthLabel(start: { year: number; month: number }, index: number): string {
  const { year, month } = calendarMonth(start, index);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Schedule entries that cover no month of the common horizon (section 16): month 0 (the month
 * of contract.start) to the longest option's last month plus the longest placement's tail.
 */
function scheduleWarnings(scenario: Scenario, source: ScenarioDocument): Problem[] {
  const start = yearMonthOf(scenario.contract.start);
  const weeks = scenario.quantities['outcomes.residential_weeks'];
  const longestWeeks =
    weeks?.kind === 'number'
      ? weeks.value
      : weeks?.kind === 'distribution'
        ? Math.min(WEEKS_LIMIT, support(weeks.distribution)[1])
        : WEEKS_LIMIT;
  const months = horizonMonths(
    { start, baseEnd: yearMonthOf(scenario.contract.baseEnd), maxExtensionYears: scenario.contract.maxYears },
    longestWeeks,
  );
  const warnings: Problem[] = [];
  scenario.fundingSchedule.forEach((entry, index) => {
    const path = ['funding', 'schedule', index];
    const warn = (message: string): void => {
      warnings.push({ ...locate(source, path), path: dottedPath(path), message });
    };
    if (monthsFrom(start, yearMonthOf(entry.from)) >= months) {
      warn(
        `the entry starts on ${entry.from}, after the last month of the horizon (${monthLabel(start, months - 1)}: the longest option's term and the longest placement); it is never used`,
      );
    } else if (entry.to !== undefined && monthsFrom(start, yearMonthOf(entry.to)) < 0) {
      warn(
        `the entry ends on ${entry.to}, before the first month of the horizon (${monthLabel(start, 0)}, the month of contract.start); it is never used`,
      );
    }
  });
  return warnings;
}

/** Characters that change the direction of text or cannot be seen: a name holding them can look like another. */
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-misleading-character-class -- the class lists invisible and joining characters on purpose
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/**
 * The hidden characters of `text`, shown as code points.
 * @example hiddenCharacters('a\u202Eb') // ['U+202E at character 2']
 */
export function hiddenCharacters(text: string): string[] {
  return [...text.matchAll(HIDDEN_CHARACTERS)].map(
    (match) => `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${match.index! + 1}`,
  );
}

/** Names (the scenario's and each council's) holding invisible or direction-changing characters: flagged, so a look-alike of another name is seen. */
function nameWarnings(scenario: Scenario, source: ScenarioDocument, value: unknown): Problem[] {
  // A name written { en, cy } is checked in each language, at its own key.
  const inLanguages = (path: (string | number)[]): [PropertyKey[], string][] => {
    const written = valueAt(value, path.map(String));
    if (typeof written === 'string') return [[path, written]];
    if (!isMapping(written)) return [];
    return (['en', 'cy'] as const).flatMap((language): [PropertyKey[], string][] =>
      typeof written[language] === 'string' ? [[[...path, language], written[language]]] : [],
    );
  };
  const names: [PropertyKey[], string][] = [
    ...inLanguages(['name']),
    ...scenario.councils.flatMap((council, index): [PropertyKey[], string][] => [
      [['councils', index, 'name'], council.name],
      ...inLanguages(['councils', index, 'label']),
    ]),
  ];
  return names.flatMap(([path, name]): Problem[] => {
    const hidden = hiddenCharacters(name);
    if (hidden.length === 0) return [];
    const message = `the name holds characters that cannot be seen or that change the direction of the text (${hidden.join(', ')}), so it can look like another name; remove them`;
    return [{ ...locate(source, path), path: dottedPath(path), message }];
  });
}

/** A decision.map input that is not uncertain gives no map (section 18): worth saying, not an error. */
function mapWarnings(scenario: Scenario, source: ScenarioDocument): Problem[] {
  const uncertain = new Set(uncertainPaths(scenario));
  return (scenario.decision.map ?? []).flatMap((input, index): Problem[] => {
    if (uncertain.has(input)) return [];
    const path = ['decision', 'map', index];
    const message = `\`${input}\` is not uncertain (not written as a distribution); the decision map needs two uncertain inputs, so there will be no map`;
    return [{ ...locate(source, path), path: dottedPath(path), message }];
  });
}

function toScenario(
  parsed: ParsedScenario,
  value: unknown,
  text: string,
  file: string,
  overrides: readonly Override[],
  source: ScenarioDocument,
): Scenario {
  const maxYears = parsed.contract.extensions?.max_years ?? 0;
  const quantities = quantitiesOf(parsed);
  const map = parsed.decision?.map;
  const scenario: Scenario = {
    file,
    text,
    ...(overrides.length === 0 ? {} : { overrides: [...overrides] }),
    hash: scenarioHash(text, overrides),
    name: parsed.name,
    description: parsed.description ?? { en: '' },
    sources: parsed.sources ?? [],
    ...(parsed.finance?.price_base === undefined ? {} : { priceBase: parsed.finance.price_base }),
    contract: {
      start: parsed.contract.start,
      baseEnd: parsed.contract.base_end,
      maxYears,
      take: parsed.contract.extensions?.take ?? maxYears,
    },
    capacityForm: parsed.service.capacity.starts_per_year === undefined ? 'caseload' : 'starts_per_year',
    maxWaitMonths: parsed.service.max_wait_months ?? Infinity,
    externalShareByYear: parsed.funding?.external_share_by_year ?? {},
    fundingSchedule: (parsed.funding?.schedule ?? []).map((entry) =>
      entry.to === undefined ? { from: entry.from } : { from: entry.from, to: entry.to },
    ),
    ifGrantFalls: parsed.funding?.if_grant_falls ?? 'councils_pay',
    contractPrice: parsed.contract.price ?? 'real',
    ...(parsed.finance?.discount_base_year === undefined ? {} : { discountBaseYear: parsed.finance.discount_base_year }),
    decision: {
      perspective: parsed.decision?.perspective ?? 'region',
      ...(map === undefined ? {} : { map: [map[0], map[1]] as [string, string] }),
    },
    provenance: provenanceOf(value, Object.keys(quantities)),
    monitoringIllustrative: monitoringIllustrative(parsed),
    warnings: [],
    councils: (parsed.councils ?? []).map((council) => ({
      name: council.name,
      label: council.label ?? { en: council.name },
      childrenShare: council.children_share,
      matchShare: council.match_share,
    })),
    variables: parsed.variables ?? {},
    quantities,
    monteCarlo: monteCarloSettings(parsed),
    monitoring: monitoringPeriods(parsed),
    positions: positionsOf(source),
  };
  scenario.warnings = sortProblems([
    ...scheduleWarnings(scenario, source),
    ...mapWarnings(scenario, source),
    ...nameWarnings(scenario, source, value),
  ]);
  return scenario;
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
  const variableCount = variablesIn(value.value);
  if (variableCount > MAX_VARIABLES) {
    const message = `the file declares ${variableCount.toLocaleString('en-GB')} variables; at most ${MAX_VARIABLES.toLocaleString('en-GB')} are allowed, so remove the ones no input uses`;
    return failed([...read.problems, ...overrideProblems, { ...locate(read.source, ['variables']), path: 'variables', message }]);
  }
  const result = validateScenario(value.value, schemaContext(value.value));
  const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, read.source);
  const problems = merged(read.problems, [...overrideProblems, ...schemaProblems]);
  if (!result.success || problems.length > 0) return failed(problems);
  return { ok: true, scenario: toScenario(result.data, value.value, text, file, overrides, read.source) };
}
