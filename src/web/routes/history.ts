/**
 * A scenario's history: every revision (who, when, why), one revision's text, the difference
 * between two revisions, and restoring an earlier revision as a new one (admin).
 */
import type { Request, RequestHandler } from 'express';
import { latestRevision, revisionsOf, type Revision } from '../../store/revisions';
import { signOffsOf } from '../../store/signOffs';
import { audit } from '../audit';
import { allowed } from '../auth/roles';
import { diffCounts, lineDiff } from '../lineDiff';
import { readRevision, SCENARIO_NAME } from '../scenarioStore';
import type { AppServices } from '../services';
import { numberedLines } from './edit';
import { formatDateTime } from '../dateTime';
import { localHref } from '../language';

/** A revision row as the history page shows it (a bundled file not yet saved over is revision 1). */
export interface HistoryRow {
  number: number;
  author: string;
  createdAt: string | null;
  message: string;
  hash: string;
  modelVersion: string;
  current: boolean;
}

function nameOf(req: Request): string {
  return String(req.params.name ?? '');
}

async function rowsOf(services: AppServices, name: string): Promise<HistoryRow[] | undefined> {
  if (services.db === undefined || !SCENARIO_NAME.test(name)) return undefined;
  const revisions = revisionsOf(services.db, name);
  const toRow = (r: Revision, i: number): HistoryRow => ({
    number: r.number,
    author: r.author,
    createdAt: r.author === 'bundled' ? null : formatDateTime(new Date(r.createdAt)),
    message: r.message,
    hash: r.hash,
    modelVersion: r.modelVersion,
    current: i === 0,
  });
  if (revisions.length > 0) return revisions.map(toRow);
  const bundled = await readRevision(services.scenariosDir, services.db, name, 1);
  if (bundled === undefined) return undefined;
  return [
    {
      number: 1,
      author: 'bundled',
      createdAt: null,
      message: `scenarios/${bundled.fileName}`,
      hash: bundled.hash,
      modelVersion: '',
      current: true,
    },
  ];
}

/** GET /scenarios/:name/history */
export function history(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const name = nameOf(req);
    const rows = await rowsOf(services, name);
    if (rows === undefined) return next();
    const signOffs = signOffsOf(services.db!, name);
    res.render('pages/history', {
      name,
      rows,
      signOffs,
      canRestore: allowed(res.locals.user, 'admin'),
      currentHash: rows[0]!.hash,
      restored: typeof req.query.restored === 'string' ? req.query.restored : '',
    });
  };
}

function revisionNumber(value: unknown): number | undefined {
  const text = typeof value === 'string' ? value : '';
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;
}

/** GET /scenarios/:name/history/:number — one revision's exact text. */
export function revision(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const name = nameOf(req);
    const number = revisionNumber(req.params.number);
    if (services.db === undefined || number === undefined) return next();
    const stored = await readRevision(services.scenariosDir, services.db, name, number);
    if (stored === undefined) return next();
    res.render('pages/history-revision', { name, number, stored, lines: numberedLines(stored.text, []) });
  };
}

/** GET /scenarios/:name/diff?from=N&to=M — the lines removed and added from revision N to M. */
export function diff(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const name = nameOf(req);
    const from = revisionNumber(req.query.from);
    const to = revisionNumber(req.query.to);
    if (services.db === undefined || from === undefined || to === undefined) return next();
    const [before, after] = await Promise.all([
      readRevision(services.scenariosDir, services.db, name, from),
      readRevision(services.scenariosDir, services.db, name, to),
    ]);
    if (before === undefined || after === undefined) return next();
    const rows = lineDiff(before.text, after.text);
    res.render('pages/history-diff', { name, from, to, rows, counts: diffCounts(rows) });
  };
}

/** POST /scenarios/:name/restore — revision N's text saved as a new revision (admin). */
export function restore(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const name = nameOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const number = revisionNumber(body.number);
    if (services.db === undefined || number === undefined) return next();
    const old = await readRevision(services.scenariosDir, services.db, name, number);
    if (old === undefined) return next();
    const user = res.locals.user!;
    const baseHash = typeof body.baseHash === 'string' ? body.baseHash : '';
    const outcome = await services.store.save(name, old.text, baseHash, {
      author: user.name,
      message: res.locals.t('history.restoredMessage', { number }),
    });
    if (!outcome.ok) {
      audit(services, res, { action: 'restore', target: `${name} revision ${number}`, outcome: 'refused', detail: outcome.reason });
      res.status(409).render('pages/history-refused', { name, reason: outcome.reason });
      return;
    }
    audit(services, res, {
      action: 'restore',
      target: `${name} revision ${number}`,
      outcome: 'done',
      detail: `as revision ${outcome.revision}`,
    });
    res.redirect(303, localHref(`/scenarios/${name}/history?restored=${outcome.revision}`));
  };
}

/** The newest revision number of a scenario, or 1 for a bundled file never saved over. */
export function currentRevisionNumber(services: AppServices, name: string): number {
  return services.db === undefined ? 1 : (latestRevision(services.db, name)?.number ?? 1);
}
