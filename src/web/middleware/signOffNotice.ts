import type { RequestHandler } from 'express';
import { latestRevision, revisionById } from '../../store/revisions';
import { signOffsOf } from '../../store/signOffs';
import { allowed } from '../auth/roles';
import { localHref } from '../language';
import { SCENARIO_NAME } from '../scenarioStore';
import type { AppServices } from '../services';
import { signOffSentence } from '../signOffView';

export interface SignOffNotice {
  /** this: the page shows the signed-off run; changed: the scenario changed since its sign-off. */
  kind: 'this' | 'changed';
  sentence: string;
  href: string;
}

/** Links on a scenario's pages: its history, and for approvers, signing off the run on the page. */
export interface ScenarioTools {
  historyHref: string;
  signOffHref: string | null;
}

/**
 * For a scenario's pages, the layout's links to the history and sign-off (res.locals.scenarioTools) and its sign-off notice in res.locals.signOffNotice: the run on the
 * page is the one signed off (its permalink), or the scenario has changed since its latest sign-off.
 */
export function signOffNotice(services: AppServices): RequestHandler {
  return (req, res, next) => {
    const match = /^\/scenarios\/([^/]+)(?:\/(?:report|results\.xlsx|results\.csv|[a-z-]+))?$/.exec(req.path);
    if (services.db === undefined || req.method !== 'GET' || match === null || !SCENARIO_NAME.test(match[1]!)) return next();
    const name = match[1]!;
    const at = req.originalUrl.indexOf('?');
    const query = at < 0 ? '' : req.originalUrl.slice(at + 1);
    if (!['edit', 'history', 'diff', 'sign-off', 'status'].includes(req.path.split('/')[3] ?? '')) {
      res.locals.scenarioTools = {
        historyHref: localHref(`/scenarios/${name}/history`),
        signOffHref:
          req.path === `/scenarios/${name}` && allowed(res.locals.user, 'approver')
            ? localHref(`/scenarios/${name}/sign-off${query === '' ? '' : `?${query}`}`)
            : null,
      } satisfies ScenarioTools;
    }
    const latestSignOff = signOffsOf(services.db, name)[0];
    if (latestSignOff === undefined) return next();
    const signedRevision = revisionById(services.db, latestSignOff.revisionId);
    const latest = latestRevision(services.db, name);
    const asked = req.query as Record<string, unknown>;
    const changes = asked.set === undefined ? [] : ([] as unknown[]).concat(asked.set);
    const sameRun =
      signedRevision !== undefined &&
      asked.hash === signedRevision.hash &&
      asked.seed === latestSignOff.seed &&
      asked.iterations === String(latestSignOff.iterations) &&
      JSON.stringify(changes) === JSON.stringify(latestSignOff.changes);
    const sentence = signOffSentence(latestSignOff);
    if (sameRun)
      res.locals.signOffNotice = { kind: 'this', sentence, href: localHref(`/sign-offs/${latestSignOff.id}`) } satisfies SignOffNotice;
    else if (latest !== undefined && latest.id !== latestSignOff.revisionId)
      res.locals.signOffNotice = { kind: 'changed', sentence, href: localHref(`/sign-offs/${latestSignOff.id}`) } satisfies SignOffNotice;
    next();
  };
}
