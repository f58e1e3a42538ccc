import type { RequestHandler } from 'express';
import { withLocale } from '../../report/messages';
import { localeOfUrl } from '../language';

/**
 * The language of a request from its path (src/web/language.ts): `/cy/...` is Welsh. The prefix
 * is taken off `req.url`, so every route matches unchanged (`req.originalUrl` keeps it), and the
 * rest of the request runs inside `withLocale`, so every `t` and formatter speaks its language.
 */
export function language(): RequestHandler {
  return (req, res, next) => {
    const { locale, url } = localeOfUrl(req.url);
    req.url = url;
    res.locals.locale = locale;
    withLocale(locale, next);
  };
}

/**
 * Enters the request's language again. A middleware that finishes in a stream or socket callback
 * (a body parser, a session store) calls `next` outside the request's async context, which
 * loses the locale; app.ts mounts this after each such middleware, before the pages.
 */
export function keepLanguage(): RequestHandler {
  return (_req, res, next) => withLocale(res.locals.locale, next);
}
