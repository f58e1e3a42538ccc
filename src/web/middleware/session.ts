import session from 'express-session';
import type { RequestHandler } from 'express';
import { DatabaseSessionStore } from '../../store/sessions';
import type { AppServices } from '../services';

/**
 * Server-side sessions (AUTH=oidc only): the cookie holds a signed id, the data stays in the
 * database. httpOnly, SameSite=Lax (the directory's redirect back is a top-level GET), Secure when
 * the request came over https, and a fixed lifetime from sign-in.
 */
export function sessions(services: AppServices): RequestHandler {
  const settings = services.auth?.settings;
  if (settings === undefined || settings.mode !== 'oidc' || services.db === undefined) return (_req, _res, next) => next();
  return session({
    name: 'class.sid',
    secret: settings.sessionSecret,
    store: new DatabaseSessionStore(services.db),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: services.trustProxy !== false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: settings.sessionSeconds * 1000, path: '/' },
  });
}
