import type { RequestHandler } from 'express';
import { listHeadline } from '../../report/headline';
import { localText } from '../../report/localText';
import { englishOnlyListNotice, lacksTranslation } from '../../report/scenarioText';
import { loadScenarioCached } from '../loadCache';
import { monteCarloRequest } from '../../run/montecarlo';
import type { AppServices } from '../services';
import type { Run } from '../runner';

export interface ScenarioListItem {
  name: string;
  /** The scenario's name and description in the language in force (English where the file has no translation). */
  title: string;
  description: string;
  /** Some of the scenario's own text has no translation into the language in force. */
  untranslated: boolean;
  /** The headline result, or '' while it is worked out. */
  headline: string;
  state: 'done' | 'running' | 'failed' | 'invalid';
  problemCount: number;
}

/**
 * Every scenario with its headline result. Runs are remembered by scenario hash, so the list is
 * fast after the first visit; the page waits at most runWaitMs, and rows still working say so.
 */
export async function scenarioList(services: AppServices): Promise<ScenarioListItem[]> {
  const names = await services.store.names();
  const entries = await Promise.all(
    names.map(async (name): Promise<{ item: ScenarioListItem; run: Run | null } | null> => {
      const stored = await services.store.read(name);
      if (stored === undefined) return null;
      const loaded = loadScenarioCached(stored.text, stored.hash, stored.fileName, []);
      if (!loaded.ok)
        return {
          item: {
            name,
            title: name,
            description: '',
            untranslated: false,
            headline: '',
            state: 'invalid',
            problemCount: loaded.problems.length,
          },
          run: null,
        };
      const run = services.runner.start(loaded.scenario, monteCarloRequest(loaded.scenario));
      const text = {
        title: localText(loaded.scenario.name),
        description: localText(loaded.scenario.description),
        untranslated: lacksTranslation(loaded.scenario),
      };
      return { item: { name, ...text, headline: '', state: 'running', problemCount: 0 }, run };
    }),
  );
  const runs = entries.flatMap((entry) => (entry?.run ? [entry.run] : []));
  const deadline = Date.now() + services.runWaitMs;
  await Promise.all(runs.map((run: Run) => services.runner.settled(run, Math.max(0, deadline - Date.now()))));
  return entries.flatMap((entry): ScenarioListItem[] => {
    if (entry === null) return [];
    const { item, run } = entry;
    if (run === null) return [item];
    if (run.results !== undefined) return [{ ...item, headline: listHeadline(run.results), state: 'done' }];
    if (run.error !== undefined) return [{ ...item, state: 'failed' }];
    return [item];
  });
}

/** GET /scenarios: every scenario with its description and headline result. */
export function list(services: AppServices): RequestHandler {
  return async (_req, res) => {
    const scenarios = await scenarioList(services);
    if (scenarios.some((s) => s.state === 'running')) res.set('Cache-Control', 'no-store');
    const englishOnly = englishOnlyListNotice(scenarios.some((s) => s.untranslated));
    res.render('pages/scenarios', { scenarios, englishOnly });
  };
}
