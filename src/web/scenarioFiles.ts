/**
 * A placeholder list of the scenario files, by file name only. When src/scenario/ has a
 * loader, `createServices` should use it instead (names and titles from the parsed files).
 */
import { readdir } from 'node:fs/promises';

export interface ScenarioSummary {
  /** File name without `.yaml`; also its URL segment. */
  name: string;
  fileName: string;
}

/**
 * The `*.yaml` / `*.yml` files directly in `dir`, sorted by name; none if `dir` is missing.
 * @example await listScenarioFiles('scenarios') // [{ name: 'central', fileName: 'central.yaml' }]
 */
export async function listScenarioFiles(dir: string): Promise<ScenarioSummary[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => ({ name: entry.name.replace(/\.ya?ml$/i, ''), fileName: entry.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
