import type { RequestHandler } from 'express';
import { roleFromClaim, type SignedInUser } from '../auth/roles';
import type { Identity } from '../auth/oidc';
import type { OidcSettings } from '../auth/settings';
import type { AppServices } from '../services';

/** A person from a directory's claims. */
export function userFromIdentity(identity: Identity, settings: OidcSettings, expiresAt: number): SignedInUser {
  const claims = identity.claims;
  const name = [claims.name, claims.preferred_username, claims.email, claims.sub].find((v) => typeof v === 'string' && v !== '') as string;
  return {
    id: `${identity.issuer}#${String(claims.sub)}`,
    name,
    council: identity.council,
    role: roleFromClaim(claims[settings.rolesClaim], identity.council, settings.region),
    expiresAt,
  };
}

/**
 * Who is asking, in res.locals.user: with AUTH=none the person at this machine; with AUTH=oidc
 * the session's person until the session expires, or, for the JSON API only, a bearer token from
 * an allowed issuer. `res.locals.sessionExpired` marks a session that has just run out.
 */
export function authenticate(services: AppServices): RequestHandler {
  const auth = services.auth;
  return async (req, res, next) => {
    res.locals.authMode = auth?.settings.mode ?? 'none';
    if (auth === undefined || auth.settings.mode === 'none') {
      res.locals.user = auth?.localUser;
      return next();
    }
    const settings = auth.settings;
    const header = req.headers.authorization;
    if (typeof header === 'string' && /^Bearer /i.test(header)) {
      // Bearer tokens are for the JSON API only; a page never takes one.
      const identity =
        req.path.startsWith('/api/') && auth.oidc !== undefined ? await auth.oidc.verifyBearer(header.slice(7).trim()) : null;
      if (identity === null) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'invalid token', requestId: res.locals.requestId });
        return;
      }
      const expiry = typeof identity.claims.exp === 'number' ? identity.claims.exp * 1000 : Date.now();
      res.locals.user = userFromIdentity(identity, settings, expiry);
      res.locals.bearer = true;
      return next();
    }
    const user = req.session?.user;
    if (user !== undefined) {
      if (user.expiresAt > Date.now()) res.locals.user = user;
      else {
        res.locals.sessionExpired = true;
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      }
    }
    next();
  };
}
