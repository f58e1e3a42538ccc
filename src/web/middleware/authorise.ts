import type { RequestHandler } from 'express';
import { accessFor } from '../access';
import { allowed } from '../auth/roles';
import { audit } from '../audit';
import { localHref } from '../language';
import type { AppServices } from '../services';

/**
 * Lets a request through when its person holds the role the route table asks for. Otherwise:
 * nobody signed in gets 401 (a page GET is sent to sign in first); a person without the role
 * gets 403. Every refusal goes into the audit log.
 */
export function authorise(services: AppServices): RequestHandler {
  return (req, res, next) => {
    const access = accessFor(req.method, req.path);
    const user = res.locals.user;
    if (allowed(user, access)) return next();
    const api = req.path === '/api' || req.path.startsWith('/api/');
    audit(services, res, {
      action: 'request',
      target: `${req.method} ${req.path}`,
      outcome: 'refused',
      detail: user === undefined ? 'not signed in' : `needs ${access}, has ${user.role ?? 'no role'}`,
    });
    if (user === undefined) {
      if (api) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer')
          .json({ error: 'sign in or send a bearer token', requestId: res.locals.requestId });
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.redirect(
          303,
          localHref(`/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}${res.locals.sessionExpired === true ? '&expired=1' : ''}`),
        );
        return;
      }
      res.status(401).render('pages/auth-refused', { kind: 'signIn', needed: access });
      return;
    }
    if (api) {
      res.status(403).json({ error: `needs the ${access} role`, requestId: res.locals.requestId });
      return;
    }
    res.status(403).render('pages/auth-refused', { kind: 'role', needed: access });
  };
}
