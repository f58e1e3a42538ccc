import type { RequestHandler } from 'express';
import { latestRevision, revisionById } from '../../store/revisions';
import { signOffsOf } from '../../store/signOffs';
import { SCENARIO_NAME } from '../scenarioStore';
import type { AppServices } from '../services';
import { signOffSentence } from '../signOffView';

export interface SignOffNotice {
  /** this: the page shows the signed-off run; changed: the scenario changed since its sign-off. */
  kind: 'this' | 'changed';
  sentence: string;
  href: string;
}

/**
 * For a scenario's pages, the layout's sign-off notice in res.locals.signOffNotice: the run on the
 * page is the one signed off (its permalink), or the scenario has changed since its latest sign-off.
 */
export function signOffNotice(services: AppServices): RequestHandler {
  return (req, res, next) => {
    const match = /^\/scenarios\/([^/]+)(?:\/(?:report|results\.xlsx|results\.csv|[a-z-]+))?$/.exec(req.path);
    if (services.db === undefined || req.method !== 'GET' || match === null || !SCENARIO_NAME.test(match[1]!)) return next();
    const name = match[1]!;
    const latestSignOff = signOffsOf(services.db, name)[0];
    if (latestSignOff === undefined) return next();
    const signedRevision = revisionById(services.db, latestSignOff.revisionId);
    const latest = latestRevision(services.db, name);
    const query = req.query as Record<string, unknown>;
    const changes = query.set === undefined ? [] : ([] as unknown[]).concat(query.set);
    const sameRun =
      signedRevision !== undefined &&
      query.hash === signedRevision.hash &&
      query.seed === latestSignOff.seed &&
      query.iterations === String(latestSignOff.iterations) &&
      JSON.stringify(changes) === JSON.stringify(latestSignOff.changes);
    const sentence = signOffSentence(latestSignOff);
    if (sameRun) res.locals.signOffNotice = { kind: 'this', sentence, href: `/sign-offs/${latestSignOff.id}` } satisfies SignOffNotice;
    else if (latest !== undefined && latest.id !== latestSignOff.revisionId) res.locals.signOffNotice = { kind: 'changed', sentence, href: `/sign-offs/${latestSignOff.id}` } satisfies SignOffNotice;
    next();
  };
}
