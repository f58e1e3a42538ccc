/**
 * The one 404 handler and the one error handler, mounted last. Both render GOV.UK-style
 * pages; the error page shows the request id, and the stack only in development.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { AppEnv, Log } from './services';

/** Renders the "Page not found" page with status 404. */
export function notFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).render('pages/not-found');
  };
}

/** True for the JSON API's paths (/api and below). */
function isApiPath(requestPath: string): boolean {
  return requestPath === '/api' || requestPath.startsWith('/api/');
}

/** The HTTP status an error asks for (body-parser and http-errors set `status`), or 500. */
export function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const candidate = (error as { status?: unknown; statusCode?: unknown }).status ??
      (error as { statusCode?: unknown }).statusCode;
    if (typeof candidate === 'number' && candidate >= 400 && candidate <= 599) return candidate;
  }
  return 500;
}

/**
 * Logs the error with the request id and renders the error page: 4xx errors as "the request
 * could not be handled" (413 as "too large"), everything else as "there is a problem". API paths
 * get JSON instead: `{ error, requestId }`.
 */
export function errorHandler(env: AppEnv, log: Log): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const status = statusOf(error);
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log({
      level: status >= 500 ? 'error' : 'warn',
      msg: 'error',
      method: req.method,
      path: req.originalUrl.split('?')[0],
      status,
      id: res.locals.requestId,
      error: stack,
    });
    if (res.headersSent) {
      next(error);
      return;
    }
    const kind = status === 413 ? 'tooLarge' : status < 500 ? 'client' : 'server';
    // The API answers in JSON, never HTML; the request id, never the error or its stack.
    if (isApiPath(req.originalUrl.split('?')[0] ?? '')) {
      res.status(status).json({ error: kind === 'server' ? 'internal error' : kind === 'tooLarge' ? 'too large' : 'bad request', requestId: res.locals.requestId });
      return;
    }
    res.status(status).render('pages/error', {
      status,
      titleKey: `error.${kind}.title`,
      bodyKey: `error.${kind}.body`,
      stack: env === 'development' ? stack : undefined,
    });
  };
}
