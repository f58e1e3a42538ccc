/**
 * The one 404 handler and the one error handler, mounted last. Both render GOV.UK-style
 * pages; the error page shows the request id, and the stack only in development.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { RunTooLargeError } from '../run/cost';
import { DrawNotFiniteError } from '../run/drawCheck';
import { costRefusalText, nonFiniteDrawText } from '../report/refusals';
import { ClientBusyError } from '../run/pool';
import { t, type MessageKey, type MessageParams } from '../report/messages';
import { localeOfUrl } from './language';
import type { AppEnv, Log } from './services';

/** Seconds a client over its share of runs should wait before trying again (about one run). */
export const CLIENT_RETRY_AFTER_SECONDS = 15;

/**
 * True for an upload or form that ended before its end (busboy's "Unexpected end of form", a
 * connection closed mid-body): the request was not whole, a 400, not the tool's failure.
 */
export function isTruncatedBody(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    /^Unexpected end of (form|multipart data)$/i.test(error.message) ||
    code === 'ECONNABORTED' ||
    code === 'ECONNRESET' ||
    error.message === 'request aborted'
  );
}

/** What a person is told about an error that is theirs to fix, in place of the generic page; undefined for the rest. */
interface Explained {
  status: number;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  values: MessageParams;
  /** The API's `error` text. */
  api: string;
  retryAfterSeconds?: number;
}

function explained(error: unknown): Explained | undefined {
  if (error instanceof RunTooLargeError) {
    const message = costRefusalText(error.refusal);
    return { status: 422, titleKey: 'cost.title', bodyKey: 'cost.body', values: { message }, api: message };
  }
  if (error instanceof ClientBusyError) {
    const values = { count: error.runs, seconds: CLIENT_RETRY_AFTER_SECONDS };
    return {
      status: 429,
      titleKey: 'queue.title',
      bodyKey: 'queue.body',
      values,
      api: t('queue.api', values),
      retryAfterSeconds: CLIENT_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof DrawNotFiniteError) {
    const message = nonFiniteDrawText(error.draw);
    return { status: 422, titleKey: 'draw.title', bodyKey: 'cost.body', values: { message }, api: message };
  }
  if (isTruncatedBody(error)) {
    return {
      status: 400,
      titleKey: 'upload.truncated.title',
      bodyKey: 'upload.truncated.body',
      values: {},
      api: t('upload.truncated.body'),
    };
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error ? explained(cause) : undefined;
}

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

/** The path a request asked for, without its query or language prefix ("/cy/api/x?y" -> "/api/x"). */
function pathOf(originalUrl: string): string {
  return localeOfUrl(originalUrl).url.split('?')[0] ?? '';
}

/** The HTTP status an error asks for (body-parser and http-errors set `status`), or 500. */
export function statusOf(error: unknown): number {
  const known = explained(error);
  if (known !== undefined) return known.status;
  if (typeof error === 'object' && error !== null) {
    const candidate = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof candidate === 'number' && candidate >= 400 && candidate <= 599) return candidate;
  }
  return 500;
}

/**
 * Logs the error with the request id and renders the error page: a run too large or a draw that is
 * not a number (422, naming the input), a client
 * over its share of runs (429, with Retry-After) and a cut-short upload (400) with what to do;
 * other 4xx errors as "the request could not be handled" (413 as "too large"), everything else
 * as "there is a problem". API paths get JSON instead: `{ error, requestId }`.
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
    const known = explained(error);
    if (known !== undefined) {
      if (known.retryAfterSeconds !== undefined) res.set('Retry-After', String(known.retryAfterSeconds));
      if (isApiPath(pathOf(req.originalUrl))) {
        res.status(status).json({ error: known.api, requestId: res.locals.requestId });
        return;
      }
      res
        .status(status)
        .render('pages/error', { status, titleKey: known.titleKey, bodyKey: known.bodyKey, bodyValues: known.values, stack: undefined });
      return;
    }
    const kind = status === 413 ? 'tooLarge' : status < 500 ? 'client' : 'server';
    // The API answers in JSON, never HTML; the request id, never the error or its stack.
    if (isApiPath(pathOf(req.originalUrl))) {
      res.status(status).json({
        error: kind === 'server' ? 'internal error' : kind === 'tooLarge' ? 'too large' : 'bad request',
        requestId: res.locals.requestId,
      });
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
