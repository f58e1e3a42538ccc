import type { RequestHandler } from 'express';
import { compareScenarios } from '../../report/compare';
import { monteCarloRequest } from '../../run/montecarlo';
import { loadScenario } from '../../scenario/load';
import type { AppServices } from '../services';
import { renderRunFailure } from './scenario';

/** GET /compare?a=NAME&b=NAME — choose two scenarios, then their differences in inputs and results. */
export function compare(services: AppServices): RequestHandler {
  return async (req, res) => {
    const names = await services.store.names();
    const a = typeof req.query.a === 'string' ? req.query.a : '';
    const b = typeof req.query.b === 'string' ? req.query.b : '';
    const base = { names, a, b, comparison: null, errors: [] as { field: string; message: string }[], titles: { a: '', b: '' } };
    if (a === '' && b === '') return res.render('pages/compare', base);
    const loaded = await Promise.all(
      [a, b].map(async (name) => {
        const stored = await services.store.read(name);
        if (stored === undefined) return undefined;
        const result = loadScenario(stored.text, stored.fileName);
        return result.ok ? result.scenario : null;
      }),
    );
    const errors = (['a', 'b'] as const).flatMap((field, i) =>
      loaded[i] === undefined ? [{ field, message: res.locals.t('compare.error.choose') }] : loaded[i] === null ? [{ field, message: res.locals.t('compare.error.invalid') }] : [],
    );
    if (errors.length > 0) return res.status(422).render('pages/compare', { ...base, errors });
    const [sa, sb] = loaded as [NonNullable<(typeof loaded)[0]>, NonNullable<(typeof loaded)[0]>];
    let results;
    try {
      results = await Promise.all([sa, sb].map((s) => services.runner.start(s, monteCarloRequest(s)).promise));
    } catch (error) {
      if (renderRunFailure(res, error)) return;
      throw error;
    }
    res.render('pages/compare', {
      ...base,
      titles: { a: sa.name, b: sb.name },
      comparison: compareScenarios({ scenario: sa, results: results[0]! }, { scenario: sb, results: results[1]! }),
    });
  };
}
