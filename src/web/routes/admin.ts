/** The audit log for admins: the newest events first, with who, what, when and the request id. */
import type { RequestHandler } from 'express';
import { recentAudit } from '../../store/audit';
import type { AppServices } from '../services';
import { formatDateTime } from '../dateTime';

/** GET /admin/audit */
export function auditLog(services: AppServices): RequestHandler {
  return (_req, res, next) => {
    if (services.db === undefined) return next();
    res.render('pages/audit', {
      entries: recentAudit(services.db, 500).map((entry) => ({ ...entry, at: formatDateTime(new Date(entry.at)) })),
    });
  };
}
