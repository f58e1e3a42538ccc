/**
 * Scenario revisions: every save is a new row (who, when, message, parent, the exact text, its
 * hash, the model version). Nothing is updated or deleted. A bundled scenario's file is its
 * revision 1, written into the database with the first save that follows it.
 */
import type { Db } from './database';

export interface Revision {
  id: number;
  scenario: string;
  /** 1, 2, 3 ... within the scenario. */
  number: number;
  parentId: number | null;
  author: string;
  /** ISO 8601 time of the save. */
  createdAt: string;
  message: string;
  text: string;
  hash: string;
  modelVersion: string;
}

export interface NewRevision {
  scenario: string;
  author: string;
  createdAt: string;
  message: string;
  text: string;
  hash: string;
  modelVersion: string;
}

interface Row {
  id: number;
  scenario: string;
  number: number;
  parent_id: number | null;
  author: string;
  created_at: string;
  message: string;
  text: string;
  hash: string;
  model_version: string;
}

function fromRow(row: Row): Revision {
  return {
    id: row.id,
    scenario: row.scenario,
    number: row.number,
    parentId: row.parent_id,
    author: row.author,
    createdAt: row.created_at,
    message: row.message,
    text: row.text,
    hash: row.hash,
    modelVersion: row.model_version,
  };
}

/** The newest revision of `scenario`, or undefined when it has none in the database. */
export function latestRevision(db: Db, scenario: string): Revision | undefined {
  const row = db.prepare('SELECT * FROM revisions WHERE scenario = ? ORDER BY number DESC LIMIT 1').get(scenario) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Revision `number` of `scenario`. */
export function revisionByNumber(db: Db, scenario: string, number: number): Revision | undefined {
  const row = db.prepare('SELECT * FROM revisions WHERE scenario = ? AND number = ?').get(scenario, number) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** A revision by its id (sign-offs point at ids). */
export function revisionById(db: Db, id: number): Revision | undefined {
  const row = db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Every revision of `scenario`, newest first. */
export function revisionsOf(db: Db, scenario: string): Revision[] {
  return (db.prepare('SELECT * FROM revisions WHERE scenario = ? ORDER BY number DESC').all(scenario) as Row[]).map(fromRow);
}

/** The names of scenarios with at least one revision in the database. */
export function scenariosWithRevisions(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT scenario FROM revisions ORDER BY scenario').all() as { scenario: string }[]).map(
    (row) => row.scenario,
  );
}

/**
 * Appends a revision after the newest one (or as revision 1), in the caller's transaction.
 * @example appendRevision(db, { scenario: 'plan', ... }) // { number: 1, parentId: null, ... }
 */
export function appendRevision(db: Db, revision: NewRevision): Revision {
  const parent = latestRevision(db, revision.scenario);
  const number = (parent?.number ?? 0) + 1;
  const result = db
    .prepare(
      'INSERT INTO revisions (scenario, number, parent_id, author, created_at, message, text, hash, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      revision.scenario,
      number,
      parent?.id ?? null,
      revision.author,
      revision.createdAt,
      revision.message,
      revision.text,
      revision.hash,
      revision.modelVersion,
    );
  return { ...revision, id: Number(result.lastInsertRowid), number, parentId: parent?.id ?? null };
}
