import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { audit } from '../audit';
import type { AppServices } from '../services';

/** The form field (and header X-CSRF-Token) that carries the token. */
export const CSRF_FIELD = '_csrf';

/**
 * The CSRF token of a request: an HMAC of the session id (or, without sign-in, of a fixed word)
 * under the server's secret. A page elsewhere cannot read it, so it cannot forge a form.
 */
export function csrfTokenFor(secret: string, req: Request): string {
  const sessionId = req.session?.user !== undefined ? req.sessionID : 'no-session';
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Sets res.locals.csrfToken for every page's forms (mounted before the role check, so refusal pages have it too). */
export function csrfLocals(secret: string): RequestHandler {
  return (req, res, next) => {
    res.locals.csrfToken = csrfTokenFor(secret, req);
    next();
  };
}

/**
 * Refuses (403) a POST without the right token, beside
 * the Origin check. The token comes in the form field `_csrf`, the X-CSRF-Token header, or (for
 * multipart forms, whose body is read later by the route) the `_csrf` query parameter. A JSON API
 * request made with a bearer token carries no cookies, so it needs none.
 */
export function csrf(services: AppServices, secret: string): RequestHandler {
  return (req, res, next) => {
    const expected = csrfTokenFor(secret, req);
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || res.locals.bearer === true) return next();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
    const given = body[CSRF_FIELD] ?? req.headers['x-csrf-token'] ?? (multipart ? req.query[CSRF_FIELD] : undefined);
    if (sameToken(given, expected)) return next();
    audit(services, res, {
      action: 'request',
      target: `${req.method} ${req.path}`,
      outcome: 'refused',
      detail: 'missing or wrong CSRF token',
    });
    res.status(403).type('text/plain').send(res.locals.t('auth.csrfRefused'));
  };
}
