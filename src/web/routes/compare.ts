import type { RequestHandler } from 'express';
import type { Results } from '../../model/results';
import { bridgeSteps, bridgeTable, compareLabel, compareScenarios, regionAdds, sideBySide } from '../../report/compare';
import { headlineMeasure, measureWords } from '../../report/decision';
import { optionName } from '../../report/headline';
import { monteCarloRequest } from '../../run/montecarlo';
import { loadScenario } from '../../scenario/load';
import { parseOverride, type Override } from '../../scenario/overrides';
import type { Scenario } from '../../scenario/types';
import { parseRunQuery } from '../runQuery';
import type { AppServices } from '../services';
import { renderRunFailure } from './scenario';

/** The most inputs a bridge changes one at a time (each is a run). */
export const MAX_BRIDGE_STEPS = 12;
/** Simulations of each bridge run (its start, steps and end alike, on the first scenario's seed), so a bridge takes seconds. */
export const BRIDGE_ITERATIONS = 500;

/**
 * GET /compare?a=NAME&b=NAME — choose two scenarios, then their differences in inputs and results,
 * the decision and the grant by year side by side, and a bridge from one to the other. Arriving
 * with one chosen asks for the other. Either side may be a what-if: `aset=key.path=value` (and
 * `bset=`) carry a scenario page's changes, so `?a=NAME&aset=...&b=NAME` sets the what-if beside
 * the file as it is.
 */
export function compare(services: AppServices): RequestHandler {
  return async (req, res) => {
    const names = await services.store.names();
    const a = typeof req.query.a === 'string' ? req.query.a : '';
    const b = typeof req.query.b === 'string' ? req.query.b : '';
    // A what-if's changes on either side, as the scenario page's `set=` carries them.
    const sets = [req.query.aset, req.query.bset].map((set) => parseRunQuery({ set: set as string | string[] | undefined }));
    const base = {
      names,
      a,
      b,
      sets: { a: sets[0]!.changes, b: sets[1]!.changes },
      comparison: null,
      side: null,
      bridge: null,
      bridgeLead: '',
      ask: '',
      errors: [] as { field: string; message: string }[],
      titles: { a: '', b: '' },
    };
    if (a === '' && b === '') return res.render('pages/compare', base);
    const stored = await Promise.all([a, b].map((name) => (name === '' ? Promise.resolve(undefined) : services.store.read(name))));
    const loaded = stored.map((file, i) => {
      if (file === undefined) return undefined;
      const result = loadScenario(file.text, file.fileName, sets[i]!.overrides);
      return result.ok ? result.scenario : null;
    });
    const chosen = (['a', 'b'] as const).filter((_, i) => [a, b][i] !== '');
    const errors = (['a', 'b'] as const).flatMap((field, i) => [
      ...([a, b][i] === ''
        ? []
        : loaded[i] === undefined
          ? [{ field, message: res.locals.t('compare.error.choose') }]
          : loaded[i] === null
            ? [{ field, message: res.locals.t('compare.error.invalid') }]
            : []),
      ...sets[i]!.errors.map((problem) => ({ field, message: res.locals.t('compare.error.change', { problem }) })),
    ]);
    if (errors.length > 0) return res.status(422).render('pages/compare', { ...base, errors });
    // One chosen: ask for the other, without an error.
    const labels = loaded.map((s, i) =>
      s
        ? compareLabel(
            s,
            sets[i]!.overrides.map((o) => o.path),
          )
        : '',
    );
    if (chosen.length === 1) {
      const one = loaded[0] ? 0 : 1;
      const ask =
        sets[one]!.changes.length > 0
          ? res.locals.t('compare.askSecondWhatIf', { name: labels[one]!, file: [a, b][one]! })
          : res.locals.t('compare.askSecond', { name: labels[one]! });
      return res.render('pages/compare', { ...base, ask });
    }
    const [sa, sb] = loaded as [Scenario, Scenario];
    const labelled = { a: labels[0]!, b: labels[1]! };
    let results: Results[];
    let bridge: ReturnType<typeof bridgeTable> | null = null;
    let bridgeLead = '';
    try {
      results = await Promise.all([sa, sb].map((s) => services.runner.start(s, monteCarloRequest(s)).promise));
      const focus = Math.min(sa.contract.take, sb.contract.take) || Math.min(sa.contract.maxYears, sb.contract.maxYears);
      const steps = bridgeSteps(sa, sb).slice(0, MAX_BRIDGE_STEPS);
      const bridgeRun = async (s: Scenario): Promise<Results> =>
        services.runner.start(
          s,
          monteCarloRequest(s, {
            iterations: Math.min(BRIDGE_ITERATIONS, sa.monteCarlo?.iterations ?? BRIDGE_ITERATIONS),
            seed: sa.monteCarlo?.seed ?? 1,
          }),
        ).promise;
      const ends = focus > 0 && steps.length > 0 ? await Promise.all([bridgeRun(sa), bridgeRun(sb)]) : [];
      const [start, end] = ends.length === 2 ? [regionAdds(ends[0]!, focus), regionAdds(ends[1]!, focus)] : [null, null];
      if (focus > 0 && steps.length > 0 && start !== null && end !== null) {
        const overrides: Override[] = [];
        const values: { label: string; value: number | null }[] = [];
        for (const step of steps) {
          const parsed = parseOverride(step.change);
          if (typeof parsed === 'string') continue;
          const next = loadScenario(stored[0]!.text, stored[0]!.fileName, [...sets[0]!.overrides, ...overrides, parsed]);
          if (!next.ok) continue;
          overrides.push(parsed);
          const run = await bridgeRun(next.scenario);
          values.push({ label: step.label, value: regionAdds(run, focus) });
        }
        const option = optionName(focus).toLowerCase();
        bridge = bridgeTable(start, values, end, labelled, option);
        bridgeLead = res.locals.t('compare.bridgeLead', {
          a: labelled.a,
          b: labelled.b,
          order: values.map((v) => v.label.charAt(0).toLowerCase() + v.label.slice(1)).join(', '),
          option,
          measure: measureWords(headlineMeasure(results[0]!)),
        });
      }
    } catch (error) {
      if (renderRunFailure(res, error)) return;
      throw error;
    }
    res.render('pages/compare', {
      ...base,
      titles: labelled,
      comparison: compareScenarios({ scenario: sa, results: results[0]! }, { scenario: sb, results: results[1]! }),
      side: sideBySide({ scenario: sa, results: results[0]! }, { scenario: sb, results: results[1]! }, labelled),
      bridge,
      bridgeLead,
    });
  };
}
