/**
 * The run stamp printed on every page and export (issue 5): scenario name, file and hash, model
 * version, seed, iterations, the changes tried, and when it ran. With it a finance officer can
 * rerun the same figures next month.
 */
import type { Results } from '../model/results';
import { formatDate, formatNumber } from './format';
import { scenarioName } from './localText';
import { t } from './messages';

export interface RunStamp {
  scenarioName: string;
  /** The file's stem, as in URLs ("class-central"). */
  file: string;
  /** Hash of the file and any changes (what the results carry). */
  hash: string;
  /** Hash of the file alone (what a permalink checks). */
  fileHash: string;
  modelVersion: string;
  seed: string;
  iterations: number;
  /** The `key.path=value` changes tried on top of the file. */
  changes: string[];
  /** ISO date-time the run finished. */
  ranAt: string;
  priceBase: string;
  discountRate: number | null;
  /** The link that reruns exactly this run, in full (https://host/scenarios/...) when known; '' when not. */
  url?: string;
  /** "Signed off by ... on ... for ..." when this run was signed off for a paper (issue 12); absent otherwise. */
  signOff?: string;
}

export function runStamp(
  results: Results,
  context: { file: string; fileHash: string; changes: readonly string[]; ranAt: Date; url?: string },
): RunStamp {
  const simulated = results.options[0]?.monteCarlo;
  return {
    scenarioName: scenarioName(results),
    file: context.file,
    hash: results.scenario.hash,
    fileHash: context.fileHash,
    modelVersion: results.modelVersion,
    seed: simulated === undefined ? '' : String(simulated.seed),
    iterations: simulated?.iterations ?? 0,
    changes: [...context.changes],
    ranAt: context.ranAt.toISOString(),
    priceBase: typeof results.priceBase === 'string' ? results.priceBase : '',
    discountRate: typeof results.discountRate === 'number' ? results.discountRate : null,
    url: context.url ?? '',
  };
}

/** The stamp as label-value pairs, for summary lists and the inputs sheet. */
export function stampPairs(stamp: RunStamp): [string, string][] {
  return [
    [t('stamp.scenario'), stamp.scenarioName],
    [t('stamp.file'), `${stamp.file}.yaml`],
    [t('stamp.fileHash'), stamp.fileHash],
    [t('stamp.runHash'), stamp.hash],
    [t('stamp.modelVersion'), stamp.modelVersion],
    [t('stamp.iterations'), stamp.iterations === 0 ? t('stamp.noSimulation') : formatNumber(stamp.iterations)],
    [t('stamp.seed'), stamp.seed === '' ? t('stamp.noSimulation') : stamp.seed],
    [t('stamp.changes'), stamp.changes.length === 0 ? t('stamp.noChanges') : stamp.changes.join('; ')],
    [t('stamp.ranOn'), formatDate(new Date(stamp.ranAt))],
    ...(stamp.url ? [[t('stamp.url'), stamp.url] as [string, string]] : []),
    ...(stamp.signOff ? [[t('stamp.signOff'), stamp.signOff] as [string, string]] : []),
  ];
}

/**
 * The stamp on one line, for page footers and printouts.
 * @example "CLASS central case · class-central.yaml · hash 156b78e3d3ae · model version 1 · seed 2025 · 10,000 iterations · run on 3 January 2025"
 */
export function stampLine(stamp: RunStamp): string {
  const line = t('stamp.line', {
    name: stamp.scenarioName,
    file: `${stamp.file}.yaml`,
    hash: stamp.hash,
    version: stamp.modelVersion,
    seed: stamp.seed === '' ? '–' : stamp.seed,
    iterations: formatNumber(stamp.iterations),
    date: formatDate(new Date(stamp.ranAt)),
  });
  return stamp.signOff ? `${line} · ${stamp.signOff}` : line;
}
