/**
 * Records an event in the audit log (when there is a database) and as one log line, with who,
 * what, when and the request id.
 */
import type { Response } from 'express';
import { recordAudit, type AuditOutcome } from '../store/audit';
import type { AppServices } from './services';

export interface AuditEvent {
  action: string;
  target: string;
  outcome: AuditOutcome;
  detail?: string;
  /** Who, when res.locals.user is not (yet) the person: a sign-in's new identity. */
  actor?: string;
}

/** The actor as the log names them: "Name <id>" or "anonymous". */
export function actorOf(res: Response): string {
  const user = res.locals.user;
  return user === undefined ? 'anonymous' : `${user.name} <${user.id}>`;
}

export function audit(services: Pick<AppServices, 'db' | 'log' | 'now'>, res: Response, event: AuditEvent): void {
  const entry = {
    at: services.now().toISOString(),
    actor: event.actor ?? actorOf(res),
    action: event.action,
    target: event.target,
    outcome: event.outcome,
    requestId: String(res.locals.requestId ?? ''),
    detail: event.detail ?? '',
  };
  if (services.db !== undefined) recordAudit(services.db, entry);
  services.log({ level: event.outcome === 'done' ? 'info' : 'warn', msg: 'audit', ...entry });
}
