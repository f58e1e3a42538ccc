/**
 * Sign-offs for cabinet: an approver's record that one run (a scenario revision, its changes,
 * seed, iterations and model version) is the one a named paper uses, with that run's results
 * JSON, so the figures can be shown again exactly after the scenario or the model changes.
 */
import type { Db } from './database';

export interface SignOff {
  id: number;
  revisionId: number;
  /** The run's changes as "path=value" strings, in the permalink's order. */
  changes: string[];
  seed: string;
  iterations: number;
  modelVersion: string;
  paper: string;
  /** The paper's date, YYYY-MM-DD. */
  paperDate: string;
  signedBy: string;
  signedAt: string;
  resultsJson: string;
}

export type NewSignOff = Omit<SignOff, 'id'>;

interface Row {
  id: number;
  revision_id: number;
  changes: string;
  seed: string;
  iterations: number;
  model_version: string;
  paper: string;
  paper_date: string;
  signed_by: string;
  signed_at: string;
  results_json: string;
}

function fromRow(row: Row): SignOff {
  return {
    id: row.id,
    revisionId: row.revision_id,
    changes: JSON.parse(row.changes) as string[],
    seed: row.seed,
    iterations: row.iterations,
    modelVersion: row.model_version,
    paper: row.paper,
    paperDate: row.paper_date,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    resultsJson: row.results_json,
  };
}

/** Adds a sign-off, in the caller's transaction. */
export function recordSignOff(db: Db, signOff: NewSignOff): SignOff {
  const result = db
    .prepare(
      'INSERT INTO sign_offs (revision_id, changes, seed, iterations, model_version, paper, paper_date, signed_by, signed_at, results_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      signOff.revisionId,
      JSON.stringify(signOff.changes),
      signOff.seed,
      signOff.iterations,
      signOff.modelVersion,
      signOff.paper,
      signOff.paperDate,
      signOff.signedBy,
      signOff.signedAt,
      signOff.resultsJson,
    );
  return { ...signOff, id: Number(result.lastInsertRowid) };
}

export function signOffById(db: Db, id: number): SignOff | undefined {
  const row = db.prepare('SELECT * FROM sign_offs WHERE id = ?').get(id) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The sign-offs of any revision of `scenario`, newest first. */
export function signOffsOf(db: Db, scenario: string): SignOff[] {
  const rows = db
    .prepare('SELECT s.* FROM sign_offs s JOIN revisions r ON r.id = s.revision_id WHERE r.scenario = ? ORDER BY s.id DESC')
    .all(scenario) as Row[];
  return rows.map(fromRow);
}
