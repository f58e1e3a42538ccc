/**
 * From a scenario name and a query string to a run: the stored file, the query read, the
 * scenario loaded with its changes (or every problem), the Monte Carlo request and the
 * permalink's parts. Shared by the scenario page, its exports, the report and the API.
 */
import type { Results } from '../model/results';
import { monteCarloRequest, type MonteCarloRequest } from '../run/montecarlo';
import { loadScenarioCached } from './loadCache';
import type { Problem, Scenario } from '../scenario/types';
import { runStamp, type RunStamp } from '../report/stamp';
import { parseRunQuery, permalink, type PermalinkParts, type RunQuery } from './runQuery';
import type { Run } from './runner';
import type { StoredScenario } from './scenarioStore';
import type { AppServices } from './services';

export type Prepared =
  | { ok: false; stored: StoredScenario; query: RunQuery; problems: Problem[] }
  | {
      ok: true;
      stored: StoredScenario;
      query: RunQuery;
      scenario: Scenario;
      request: MonteCarloRequest;
      parts: PermalinkParts;
      /** The link was made from another version of the file. */
      hashMismatch: boolean;
    };

/**
 * Reads the scenario `name` and the run the query asks for; undefined when there is no such
 * scenario (a 404). Query mistakes are kept in `query.errors` and the rest of the query is used.
 */
export async function prepare(
  services: Pick<AppServices, 'store'>,
  name: string,
  rawQuery: Record<string, unknown>,
): Promise<Prepared | undefined> {
  const stored = await services.store.read(name);
  if (stored === undefined) return undefined;
  const query = parseRunQuery(rawQuery as Parameters<typeof parseRunQuery>[0]);
  const loaded = loadScenarioCached(stored.text, stored.hash, stored.fileName, query.overrides);
  if (!loaded.ok) return { ok: false, stored, query, problems: loaded.problems };
  const request = monteCarloRequest(loaded.scenario, {
    ...(query.iterations === undefined ? {} : { iterations: query.iterations }),
    ...(query.seed === undefined ? {} : { seed: query.seed }),
  });
  return {
    ok: true,
    stored,
    query,
    scenario: loaded.scenario,
    request,
    parts: { hash: stored.hash, iterations: request.iterations, seed: request.seed, changes: query.changes },
    hashMismatch: query.hash !== undefined && query.hash !== stored.hash,
  };
}

/** The run stamp of a finished run; with `origin` ("http://host:port") its link is in full. */
export function stampOf(prepared: Extract<Prepared, { ok: true }>, run: Run, results: Results, origin = ''): RunStamp {
  return runStamp(results, {
    file: prepared.stored.name,
    fileHash: prepared.stored.hash,
    changes: prepared.query.changes,
    ranAt: run.finishedAt ?? new Date(),
    url: origin + permalink(prepared.stored.name, prepared.parts),
  });
}
