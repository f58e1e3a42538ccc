/**
 * One scenario's pages: the results (with progress while a run works), its status for polling,
 * the "try a change" form's redirect to a permalink, the CSV and Excel exports and the printable
 * cabinet report. Every handler parses, calls the runner, and renders a shaped view model.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Results } from '../../model/results';
import { BusyError, RunTimeoutError } from '../../run/pool';
import { languageSuffix, stampedInformationCsv, stampedResultsCsv } from '../../report/exports';
import { formatNumber } from '../../report/format';
import { problemMessage } from '../../report/problemWords';
import { localText } from '../../report/localText';
import { scenarioReport } from '../../report/scenarioReport';
import { jsonForScript } from '../../report/charts';
import { resultsWorkbook } from '../../report/workbook';
import { prepare, stampOf, type Prepared } from '../prepare';
import { permalink, runQueryString } from '../runQuery';
import { localHref } from '../language';
import { prefixIds } from '../prefixIds';
import { reportHalves, reportLinks, wantsBilingual } from '../reportLanguages';
import type { Run } from '../runner';
import type { AppServices } from '../services';
import { changesFromForm, effectivenessRange, grantChanges, grantFields, latestChanges, tryFields, unknownKeys } from '../tryChange';
import { GLOSSARY_TERMS, SCENARIO_SECTIONS, scenarioSections, type ScenarioSection } from '../navigation';
import { t, type MessageKey } from '../../report/messages';
import { whatIfOf } from '../../report/whatIf';

type Ready = Extract<Prepared, { ok: true }>;

/** Seconds a client should wait before trying a busy server again. */
export const RETRY_AFTER_SECONDS = 10;

function nameOf(req: Request): string {
  return String(req.params.name ?? '');
}

/** The site's address as the request reached it ("http://localhost:3000"), for links in full. */
function originOf(res: Response): string {
  return `${res.req.protocol}://${res.req.get('host') ?? 'localhost'}`;
}

/** Renders the page for a run that could not finish; false when the error is not one of ours. */
export function renderRunFailure(res: Response, error: unknown): boolean {
  if (error instanceof BusyError) {
    res
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .status(503)
      .render('pages/run-unavailable', { kind: 'busy', seconds: RETRY_AFTER_SECONDS });
    return true;
  }
  if (error instanceof RunTimeoutError) {
    res.status(503).render('pages/run-unavailable', { kind: 'stopped', seconds: formatNumber(error.limitMs / 1000) });
    return true;
  }
  return false;
}

/** The links of a run: the page itself, its exports and its report. */
export function runLinks(ready: Ready): Record<'page' | 'csv' | 'informationCsv' | 'xlsx' | 'report' | 'status' | 'json', string> {
  const name = ready.stored.name;
  return {
    page: permalink(name, ready.parts),
    csv: permalink(name, ready.parts, '/results.csv'),
    informationCsv: permalink(name, ready.parts, '/results-information.csv'),
    xlsx: permalink(name, ready.parts, '/results.xlsx'),
    report: permalink(name, ready.parts, '/report'),
    status: permalink(name, ready.parts, '/status'),
    json: localHref(`/api/scenarios/${encodeURIComponent(name)}/results?${runQueryString(ready.parts)}`),
  };
}

/** Prepares the run or answers: 404 for no such scenario, the problems page for a broken one. */
async function ready(services: AppServices, req: Request, res: Response): Promise<Ready | undefined | null> {
  const prepared = await prepare(services, nameOf(req), req.query as Record<string, unknown>);
  if (prepared === undefined) return undefined;
  if (!prepared.ok) {
    const problems = prepared.problems.map((problem) => ({ ...problem, message: problemMessage(problem.message) }));
    res.status(422).render('pages/scenario-problems', { stored: prepared.stored, problems, queryErrors: prepared.query.errors });
    return null;
  }
  return prepared;
}

/** Waits for the whole run (exports and the report need it); null when a failure page was sent. */
async function finished(res: Response, run: Run): Promise<Results | null> {
  try {
    return await run.promise;
  } catch (error) {
    if (renderRunFailure(res, error)) return null;
    throw error;
  }
}

/** The run of the file as it is (no changes), to set a what-if beside; null when it failed. */
async function baseline(services: AppServices, prepared: Ready): Promise<{ scenario: Ready['scenario']; results: Results } | null> {
  const base = await prepare(services, prepared.stored.name, {
    hash: prepared.stored.hash,
    iterations: String(prepared.request.iterations),
    seed: String(prepared.request.seed),
  });
  if (base === undefined || !base.ok) return null;
  try {
    return { scenario: base.scenario, results: await services.runner.start(base.scenario, base.request).promise };
  } catch {
    return null;
  }
}

/**
 * The revision a "saved" banner may announce: only the scenario's newest revision, and only one
 * that a save made (not a bundled file as shipped), so a link cannot make the page claim a save
 * that did not happen. `?saved=7` after the save of version 7.
 */
function savedRevision(req: Request, stored: { revision?: number; revisionId?: number | null }): number | null {
  const given = typeof req.query.saved === 'string' && /^\d{1,9}$/.test(req.query.saved) ? Number(req.query.saved) : null;
  const savedInDatabase = stored.revisionId !== undefined && stored.revisionId !== null;
  return given !== null && savedInDatabase && given === stored.revision ? given : null;
}

/** The query string the request came with, kept on every sub-page link. */
function queryOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

/**
 * GET /scenarios/:name and its sub-pages — the results of a run (the front page answers the board's
 * questions; each sub-page one more), or its progress while it works.
 */
export function view(services: AppServices, section: ScenarioSection = ''): RequestHandler {
  return async (req, res, next) => {
    const prepared = await ready(services, req, res);
    if (prepared === undefined) return next();
    if (prepared === null) return;
    const run = services.runner.start(prepared.scenario, prepared.request);
    const links = runLinks(prepared);
    if (!(await services.runner.settled(run, services.runWaitMs))) {
      res.set('Cache-Control', 'no-store').render('pages/scenario-running', {
        stored: prepared.stored,
        scenarioName: localText(prepared.scenario.name),
        iterations: formatNumber(prepared.request.iterations),
        links,
      });
      return;
    }
    const results = await finished(res, run);
    if (results === null) return;
    const report = scenarioReport(results, prepared.scenario, stampOf(prepared, run, results, originOf(res)));
    const changes = prepared.query.changes;
    const before = changes.length > 0 && (section === '' || section === 'what-if') ? await baseline(services, prepared) : null;
    const sections = scenarioSections(prepared.stored.name, queryOf(req), section, res.locals.t);
    const whatIf =
      before === null
        ? null
        : {
            ...whatIfOf(before, { scenario: prepared.scenario, results }, changes),
            resetHref: localHref(`/scenarios/${encodeURIComponent(prepared.stored.name)}${section === '' ? '' : `/${section}`}`),
          };
    res.render(section === '' ? 'pages/scenario' : 'pages/scenario-section', {
      stored: prepared.stored,
      report,
      section,
      sections,
      heading: section === '' ? report.title : res.locals.t(`pages.section.${section}` as MessageKey),
      whatIf,
      chartJson: jsonForScript(report.chartData),
      links,
      hashMismatch: prepared.hashMismatch,
      linkHash: prepared.query.hash,
      queryErrors: prepared.query.errors,
      changes,
      fields: tryFields(prepared.scenario),
      grant: grantFields(prepared.scenario),
      iterations: prepared.request.iterations,
      seed: String(prepared.request.seed),
      saved: savedRevision(req, prepared.stored),
    });
  };
}

/** The scenario's sub-pages (and the glossary) on one router, mounted at the root by app.ts. */
export function sections(services: AppServices): Router {
  const router = Router();
  for (const section of SCENARIO_SECTIONS) {
    if (section !== '') router.get(`/scenarios/:name/${section}`, view(services, section));
  }
  router.get('/glossary', (_req, res) => {
    res.render('pages/glossary', { terms: GLOSSARY_TERMS });
  });
  return router;
}

/** GET /scenarios/:name/status — whether the run is still working, as JSON for the progress page. */
export function status(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const prepared = await prepare(services, nameOf(req), req.query as Record<string, unknown>);
    if (prepared === undefined) return next();
    res.set('Cache-Control', 'no-store');
    if (!prepared.ok) {
      res.json({ state: 'failed' });
      return;
    }
    const run = services.runner.start(prepared.scenario, prepared.request);
    const seconds = Math.round(((run.finishedAt ?? services.now()).getTime() - run.startedAt.getTime()) / 1000);
    res.json({ state: run.finishedAt === undefined ? 'running' : run.error === undefined ? 'done' : 'failed', seconds });
  };
}

/** GET /scenarios/:name/try — the form's changes as a permalink; mistakes shown with the form. */
export function tryChange(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const prepared = await ready(services, req, res);
    if (prepared === undefined) return next();
    if (prepared === null) return;
    const form = req.query as Record<string, unknown>;
    const other =
      typeof form.other === 'string'
        ? form.other
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '')
        : [];
    const parts = [changesFromForm(prepared.scenario, form), effectivenessRange(form), grantChanges(prepared.scenario, form)];
    const outcome = {
      changes: parts.flatMap((p) => p.changes),
      errors: [...parts.flatMap((p) => p.errors), ...unknownKeys(prepared.scenario, other)],
    };
    const query = prepared.query;
    if (outcome.errors.length > 0 || query.errors.length > 0) {
      res.status(422).render('pages/try-errors', {
        stored: prepared.stored,
        scenarioName: localText(prepared.scenario.name),
        errors: [...outcome.errors, ...query.errors.map((message) => ({ field: 'iterations', message }))],
        fields: tryFields(prepared.scenario),
        grant: grantFields(prepared.scenario),
        values: form,
        changes: query.changes,
        hash: prepared.stored.hash,
        iterations: typeof form.iterations === 'string' ? form.iterations : String(prepared.request.iterations),
        seed: typeof form.seed === 'string' ? form.seed : String(prepared.request.seed),
        other: typeof form.other === 'string' ? form.other : '',
      });
      return;
    }
    const changes = latestChanges([...query.changes, ...outcome.changes, ...other]);
    res.redirect(303, permalink(prepared.stored.name, { ...prepared.parts, changes }));
  };
}

/**
 * A handler that answers once the run the request names has finished: 404 for no such scenario,
 * the problems page for a broken one, the run-failure page for a failed run, else `answer`.
 */
function afterRun(
  services: AppServices,
  answer: (res: Response, prepared: Ready, run: Run, results: Results) => Promise<void> | void,
): RequestHandler {
  return async (req, res, next) => {
    const prepared = await ready(services, req, res);
    if (prepared === undefined) return next();
    if (prepared === null) return;
    const run = services.runner.start(prepared.scenario, prepared.request);
    const results = await finished(res, run);
    if (results === null) return;
    // Exports and the report carry one person's run: never kept by a browser or a shared cache.
    res.set('Cache-Control', 'no-store');
    await answer(res, prepared, run, results);
  };
}

/** "-what-if" in an export's file name when the run has changes on top of the file, and "-cy" when it is in Welsh. */
function downloadSuffix(prepared: Ready): string {
  return (prepared.query.changes.length > 0 ? '-what-if' : '') + languageSuffix();
}

/** GET /scenarios/:name/results.csv — one row per option, perspective and financial year, stamped. */
export function csv(services: AppServices): RequestHandler {
  return afterRun(services, (res, prepared, run, results) => {
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${prepared.stored.name}${downloadSuffix(prepared)}-${results.scenario.hash}.csv`)
      .send(stampedResultsCsv(results, stampOf(prepared, run, results, originOf(res))));
  });
}

/** GET /scenarios/:name/results-information.csv — monitoring, the update and the value of information, one row per figure, stamped. */
export function informationCsv(services: AppServices): RequestHandler {
  return afterRun(services, (res, prepared, run, results) => {
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${prepared.stored.name}${downloadSuffix(prepared)}-${results.scenario.hash}-information.csv`)
      .send(stampedInformationCsv(results, stampOf(prepared, run, results, originOf(res))));
  });
}

/** GET /scenarios/:name/results.xlsx — the Excel workbook. */
export function xlsx(services: AppServices): RequestHandler {
  return afterRun(services, async (res, prepared, run, results) => {
    const bytes = await resultsWorkbook(results, prepared.scenario, stampOf(prepared, run, results, originOf(res)));
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${prepared.stored.name}${downloadSuffix(prepared)}-${results.scenario.hash}.xlsx`)
      .send(bytes);
  });
}

/**
 * GET /scenarios/:name/report — the printable cabinet report (a what-if's with before and after);
 * with `bilingual=1`, Welsh then English in one document (src/web/reportLanguages.ts).
 */
export function report(services: AppServices): RequestHandler {
  return afterRun(services, async (res, prepared, run, results) => {
    const changes = prepared.query.changes;
    const before = changes.length > 0 ? await baseline(services, prepared) : null;
    const bilingual = wantsBilingual(res.req);
    const halves = reportHalves(bilingual, () => {
      const shaped = scenarioReport(results, prepared.scenario, stampOf(prepared, run, results, originOf(res)));
      const whatIf =
        before === null
          ? null
          : {
              ...whatIfOf(before, { scenario: prepared.scenario, results }, changes),
              resetHref: localHref(`/scenarios/${encodeURIComponent(prepared.stored.name)}/report`),
            };
      const title = t(whatIf ? 'report.whatIfTitle' : 'report.title', { name: shaped.title });
      return {
        title,
        report: shaped,
        whatIf,
        chartJson: jsonForScript(shaped.chartData),
        fullLink: originOf(res) + runLinks(prepared).page,
      };
    });
    const links = runLinks(prepared);
    res.render('pages/report', {
      stored: prepared.stored,
      halves,
      bilingual,
      prefixIds,
      links: { ...links, ...reportLinks(links.report) },
      hashMismatch: prepared.hashMismatch,
    });
  });
}
