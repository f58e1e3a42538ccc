import type { RequestHandler } from 'express';

/** GET /health: answers at once, touching nothing, for load balancers and uptime checks. */
export function health(): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  };
}
