import type { RequestHandler } from 'express';

/** GET /: what the tool answers, and where to start. */
export function home(): RequestHandler {
  return (_req, res) => {
    res.render('pages/home');
  };
}
