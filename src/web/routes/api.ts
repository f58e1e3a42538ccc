/**
 * The JSON API, for finance teams who script: the scenarios, and the results of a run in the
 * shape of shared/model.md section 9. Mistakes come back as JSON with a status, never as HTML.
 */
import type { RequestHandler, Response } from 'express';
import { BusyError, RunTimeoutError } from '../../run/pool';
import { formatProblem } from '../../scenario/problems';
import { prepare } from '../prepare';
import { runQueryString } from '../runQuery';
import type { AppServices } from '../services';
import { RETRY_AFTER_SECONDS } from './scenario';
import { scenarioList } from './scenarios';

function apiError(res: Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error, ...extra });
}

/** GET /api/scenarios */
export function listScenarios(services: AppServices): RequestHandler {
  return async (_req, res) => {
    const names = await services.store.names();
    const scenarios = await Promise.all(
      names.map(async (name) => {
        const stored = await services.store.read(name);
        return stored === undefined
          ? null
          : {
              name,
              file: stored.fileName,
              hash: stored.hash,
              links: { page: `/scenarios/${name}`, results: `/api/scenarios/${name}/results` },
            };
      }),
    );
    const list = await scenarioList({ ...services, runWaitMs: 0 });
    const titles = new Map(list.map((item) => [item.name, item]));
    res.json({
      scenarios: scenarios.flatMap((s) =>
        s === null
          ? []
          : [
              {
                ...s,
                title: titles.get(s.name)?.title ?? s.name,
                description: titles.get(s.name)?.description ?? '',
                valid: titles.get(s.name)?.state !== 'invalid',
              },
            ],
      ),
    });
  };
}

/** GET /api/scenarios/:name/results?iterations=&seed=&set=&hash= */
export function results(services: AppServices): RequestHandler {
  return async (req, res) => {
    const prepared = await prepare(services, String(req.params.name ?? ''), req.query as Record<string, unknown>);
    if (prepared === undefined) return apiError(res, 404, 'no such scenario');
    if (prepared.query.errors.length > 0) return apiError(res, 400, 'bad query', { problems: prepared.query.errors });
    if (!prepared.ok) return apiError(res, 422, 'the scenario has problems', { problems: prepared.problems.map(formatProblem) });
    const run = services.runner.start(prepared.scenario, prepared.request);
    try {
      const body = await run.promise;
      res.set('X-Permalink', `/scenarios/${prepared.stored.name}?${runQueryString(prepared.parts)}`);
      if (prepared.hashMismatch) res.set('X-Scenario-Changed', prepared.stored.hash);
      res.json(body);
    } catch (error) {
      if (error instanceof BusyError) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        return apiError(res, 503, 'busy: try again later');
      }
      if (error instanceof RunTimeoutError) return apiError(res, 503, `the run was stopped at its time limit of ${error.limitMs} ms`);
      throw error;
    }
  };
}

/** Unknown API paths: JSON 404. */
export function notFound(): RequestHandler {
  return (_req, res) => apiError(res, 404, 'not found');
}
