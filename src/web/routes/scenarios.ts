import type { RequestHandler } from 'express';
import type { AppServices } from '../services';

/** GET /scenarios: the available scenarios, by name (placeholder until results pages land). */
export function list(services: Pick<AppServices, 'listScenarios'>): RequestHandler {
  return async (_req, res) => {
    const scenarios = await services.listScenarios();
    res.render('pages/scenarios', { scenarios });
  };
}
