/**
 * The audit log: sign-in, sign-out, save, restore, sign-off and refused attempts, each with who,
 * what, when and the request id. Rows are only ever added.
 */
import type { Db } from './database';

export type AuditOutcome = 'done' | 'refused' | 'failed';

export interface AuditEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  /** The person's name and sign-in id, or "anonymous". */
  actor: string;
  /** sign-in, sign-out, save, restore, sign-off, ... */
  action: string;
  /** What it acted on: a scenario and revision, a route. */
  target: string;
  outcome: AuditOutcome;
  requestId: string;
  /** A short plain-text note (a reason for refusal, a paper's name). */
  detail: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Adds one entry; returns it with its id. */
export function recordAudit(db: Db, entry: NewAuditEntry): AuditEntry {
  const result = db
    .prepare('INSERT INTO audit (at, actor, action, target, outcome, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.at, entry.actor, entry.action, entry.target, entry.outcome, entry.requestId, entry.detail);
  return { ...entry, id: Number(result.lastInsertRowid) };
}

/** The newest `limit` entries, newest first. */
export function recentAudit(db: Db, limit = 500): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as (Omit<AuditEntry, 'requestId'> & {
    request_id: string;
  })[];
  return rows.map(({ request_id, ...rest }) => ({ ...rest, requestId: request_id }));
}
