import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Gives each request a fresh id (a UUID) in `res.locals.requestId` and the X-Request-Id
 * response header. An incoming X-Request-Id is not trusted: anyone could set it.
 */
export function requestId(): RequestHandler {
  return (_req, res, next) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
