/**
 * Sign-off for cabinet: an approver records that one run (scenario revision, changes, seed,
 * iterations, model version) is the one a named paper uses; its results are stored with it, and
 * its page, report and workbook show those stored figures, however the scenario changes later.
 */
import type { Request, RequestHandler, Response } from 'express';
import { MODEL_VERSION } from '../../run/version';
import { jsonForScript } from '../../report/charts';
import { t } from '../../report/messages';
import { scenarioReport } from '../../report/scenarioReport';
import { languageSuffix } from '../../report/exports';
import { resultsWorkbook } from '../../report/workbook';
import { latestRevision } from '../../store/revisions';
import { recordSignOff, signOffById } from '../../store/signOffs';
import { audit } from '../audit';
import { localHref } from '../language';
import { prefixIds } from '../prefixIds';
import { reportHalves, reportLinks, wantsBilingual } from '../reportLanguages';
import { prepare, type Prepared } from '../prepare';
import { runQueryString } from '../runQuery';
import { recordedRevision } from '../scenarioStore';
import type { AppServices } from '../services';
import { signedOffRun, signOffSentence } from '../signOffView';
import { renderRunFailure } from './scenario';

const MAX_PAPER_LENGTH = 200;

function originOf(res: Response): string {
  return `${res.req.protocol}://${res.req.get('host') ?? 'localhost'}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

type Ready = Extract<Prepared, { ok: true }>;

async function runToSign(services: AppServices, req: Request, res: Response): Promise<Ready | undefined | null> {
  const prepared = await prepare(services, String(req.params.name ?? ''), req.query as Record<string, unknown>);
  if (prepared === undefined || services.db === undefined) return undefined;
  if (!prepared.ok || prepared.hashMismatch || prepared.query.errors.length > 0) {
    res.status(409).render('pages/history-refused', { name: prepared.stored.name, reason: 'signOffStale' });
    return null;
  }
  return prepared;
}

function formValues(prepared: Ready, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: prepared.stored.name,
    revision: prepared.stored.revision ?? 1,
    hash: prepared.stored.hash,
    changes: prepared.query.changes,
    seed: String(prepared.request.seed),
    iterations: prepared.request.iterations,
    modelVersion: MODEL_VERSION,
    action: localHref(`/scenarios/${encodeURIComponent(prepared.stored.name)}/sign-off?${runQueryString(prepared.parts)}`),
    paper: '',
    paperDate: '',
    errors: [],
    ...extra,
  };
}

/** GET /scenarios/:name/sign-off?<the run's permalink query> — what is being signed off, and for which paper. */
export function signOffForm(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const prepared = await runToSign(services, req, res);
    if (prepared === undefined) return next();
    if (prepared === null) return;
    res.render('pages/sign-off', formValues(prepared));
  };
}

/** POST /scenarios/:name/sign-off — runs (or reuses) the run, stores it with its results, and shows it. */
export function signOffSave(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const prepared = await runToSign(services, req, res);
    if (prepared === undefined) return next();
    if (prepared === null) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const paper = typeof body.paper === 'string' ? body.paper.trim() : '';
    const paperDate = typeof body.paperDate === 'string' ? body.paperDate.trim() : '';
    const errors: { field: string; message: string }[] = [];
    if (paper === '' || paper.length > MAX_PAPER_LENGTH)
      errors.push({ field: 'paper', message: res.locals.t('signOff.error.paper', { max: MAX_PAPER_LENGTH }) });
    if (!isIsoDate(paperDate)) errors.push({ field: 'paperDate', message: res.locals.t('signOff.error.date') });
    if (errors.length > 0) {
      res.status(422).render('pages/sign-off', formValues(prepared, { paper, paperDate, errors }));
      return;
    }
    let results;
    try {
      results = await services.runner.start(prepared.scenario, prepared.request).promise;
    } catch (error) {
      if (renderRunFailure(res, error)) return;
      throw error;
    }
    const db = services.db!;
    const revision = await recordedRevision(services.scenariosDir, db, prepared.stored.name, services.now);
    const user = res.locals.user!;
    const signedAt = services.now().toISOString();
    // The revision is checked again inside the transaction: a save since the page opened means
    // the run no longer matches the scenario, and nothing is signed off.
    const signOff = db
      .transaction(() => {
        const latest = latestRevision(db, prepared.stored.name);
        if (revision === undefined || latest?.id !== revision.id || revision.hash !== prepared.stored.hash) return undefined;
        return recordSignOff(db, {
          revisionId: revision.id,
          changes: prepared.query.changes,
          seed: String(prepared.request.seed),
          iterations: prepared.request.iterations,
          modelVersion: results.modelVersion,
          paper,
          paperDate,
          signedBy: user.name,
          signedAt,
          resultsJson: JSON.stringify(results),
        });
      })
      .immediate();
    if (signOff === undefined) {
      audit(services, res, {
        action: 'sign-off',
        target: prepared.stored.name,
        outcome: 'refused',
        detail: 'the scenario changed while signing off',
      });
      res.status(409).render('pages/history-refused', { name: prepared.stored.name, reason: 'signOffStale' });
      return;
    }
    audit(services, res, {
      action: 'sign-off',
      target: `${prepared.stored.name} revision ${revision!.number}`,
      outcome: 'done',
      detail: signOffSentence(signOff),
    });
    res.redirect(303, localHref(`/sign-offs/${signOff.id}`));
  };
}

function signOffOf(services: AppServices, req: Request, res: Response) {
  const id = String(req.params.id ?? '');
  if (services.db === undefined || !/^[1-9]\d{0,9}$/.test(id)) return undefined;
  const signOff = signOffById(services.db, Number(id));
  return signOff === undefined ? undefined : signedOffRun(services.db, signOff, originOf(res));
}

/** GET /sign-offs/:id — the signed-off run: who, when, for which paper, and links to its report and workbook. */
export function signOffPage(services: AppServices): RequestHandler {
  return (req, res, next) => {
    const run = signOffOf(services, req, res);
    if (run === undefined) return next();
    res.render('pages/sign-off-record', {
      run,
      links: { report: localHref(`/sign-offs/${run.signOff.id}/report`), xlsx: localHref(`/sign-offs/${run.signOff.id}/results.xlsx`) },
    });
  };
}

/** GET /sign-offs/:id/report — the printable report from the stored results; `bilingual=1` for Welsh then English. */
export function signOffReport(services: AppServices): RequestHandler {
  return (req, res, next) => {
    const run = signOffOf(services, req, res);
    if (run === undefined) return next();
    const bilingual = wantsBilingual(req);
    const halves = reportHalves(bilingual, () => {
      // Read again in each half's language: the stamp's "Signed off by ... on ..." is worded when read.
      const inLanguage = bilingual ? (signOffOf(services, req, res) ?? run) : run;
      const report = scenarioReport(inLanguage.results, inLanguage.scenario, inLanguage.stamp);
      return {
        title: t('report.title', { name: report.title }),
        report,
        whatIf: null,
        chartJson: jsonForScript(report.chartData),
        fullLink: originOf(res) + localHref(`/sign-offs/${run.signOff.id}`),
      };
    });
    const page = localHref(`/sign-offs/${run.signOff.id}`);
    res.render('pages/report', {
      stored: { name: run.revision.scenario, fileName: `${run.revision.scenario}.yaml`, text: run.revision.text, hash: run.revision.hash },
      // The signed-off run alone: its stored figures, not a comparison rerun today.
      halves,
      bilingual,
      prefixIds,
      links: {
        page,
        csv: page,
        informationCsv: page,
        xlsx: `${page}/results.xlsx`,
        report: `${page}/report`,
        status: page,
        json: page,
        ...reportLinks(`${page}/report`),
      },
      hashMismatch: false,
    });
  };
}

/** GET /sign-offs/:id/results.xlsx — the workbook from the stored results. */
export function signOffWorkbook(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const run = signOffOf(services, req, res);
    if (run === undefined) return next();
    const bytes = await resultsWorkbook(run.results, run.scenario, run.stamp);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${run.revision.scenario}-signed-off-${run.signOff.id}${languageSuffix()}.xlsx`)
      .send(bytes);
  };
}
