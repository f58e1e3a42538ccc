/**
 * Sign-in and sign-out (AUTH=oidc): choose a council's directory, go there (authorisation code
 * with PKCE), come back, and the session holds the person and their role. Without sign-in
 * (AUTH=none) these pages send people home.
 */
import type { RequestHandler, Request } from 'express';
import { userFromIdentity } from '../middleware/authenticate';
import { audit } from '../audit';
import { localeOfUrl, localHref } from '../language';
import { viewLocalsIn } from '../middleware/viewLocals';
import type { AppServices } from '../services';

/** A path on this site to return to after sign-in; anything else becomes "/". */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

function oidcOf(services: AppServices) {
  const auth = services.auth;
  return auth !== undefined && auth.settings.mode === 'oidc' && auth.oidc !== undefined
    ? { settings: auth.settings, oidc: auth.oidc }
    : undefined;
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error: unknown) => (error ? reject(error) : resolve())));
}

function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error: unknown) => (error ? reject(error) : resolve())));
}

/** Why a sign-in failed, in a line for the audit log: openid-client's message and its causes. */
function refusalReason(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 3; current = current.cause)
    messages.push(current.message);
  return messages.length === 0 ? 'sign-in failed' : messages.join(': ').slice(0, 300);
}

/** GET /sign-in — one button per council directory on the allow-list. */
export function signInPage(services: AppServices): RequestHandler {
  return (req, res) => {
    const setup = oidcOf(services);
    if (setup === undefined) return res.redirect(303, localHref('/'));
    const returnTo = safeReturnPath(req.query.returnTo);
    res.render('pages/sign-in', {
      councils: setup.oidc.councils().map((council) => ({
        council,
        href: localHref(`/sign-in/${encodeURIComponent(council)}?returnTo=${encodeURIComponent(returnTo)}`),
      })),
      expired: req.query.expired === '1',
      signedOut: req.query.signedOut === '1',
    });
  };
}

/** GET /sign-in/:council — to the council's directory, with state, nonce and a PKCE challenge kept in the session. */
export function signInStart(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const setup = oidcOf(services);
    if (setup === undefined) return res.redirect(303, localHref('/'));
    const council = String(req.params.council ?? '');
    if (!setup.oidc.councils().includes(council)) return next();
    const { url, pending } = await setup.oidc.begin(council, safeReturnPath(req.query.returnTo));
    req.session.pending = pending;
    await saveSession(req);
    res.redirect(303, url);
  };
}

/** GET /auth/callback — the directory's answer: the code exchanged, the person signed in. */
export function signInCallback(services: AppServices): RequestHandler {
  return async (req, res) => {
    const setup = oidcOf(services);
    if (setup === undefined) return res.redirect(303, localHref('/'));
    const pending = req.session?.pending;
    // The directory always comes back to the one registered address: answer in the language the
    // person started from (the page they will return to).
    if (pending !== undefined) viewLocalsIn(res, localeOfUrl(pending.returnTo).locale);
    if (pending === undefined) {
      audit(services, res, { action: 'sign-in', target: 'callback', outcome: 'refused', detail: 'no sign-in was started in this browser' });
      res.status(400).render('pages/auth-refused', { kind: 'signInFailed', needed: 'viewer' });
      return;
    }
    const at = req.originalUrl.indexOf('?');
    const callbackUrl = new URL(setup.settings.redirectUrl);
    callbackUrl.search = at < 0 ? '' : req.originalUrl.slice(at);
    let identity;
    try {
      identity = await setup.oidc.finish(callbackUrl, pending);
    } catch (error) {
      delete req.session.pending;
      audit(services, res, { action: 'sign-in', target: pending.council, outcome: 'refused', detail: refusalReason(error) });
      res.status(401).render('pages/auth-refused', { kind: 'signInFailed', needed: 'viewer' });
      return;
    }
    const user = userFromIdentity(identity, setup.settings, Date.now() + setup.settings.sessionSeconds * 1000);
    // A new session id at sign-in, so an id planted before sign-in is worth nothing after it.
    await regenerate(req);
    req.session.user = user;
    await saveSession(req);
    res.locals.user = user;
    audit(services, res, { action: 'sign-in', target: identity.council, outcome: 'done', detail: `role ${user.role ?? 'none'}` });
    res.redirect(303, pending.returnTo);
  };
}

/** POST /sign-out — ends the session here, then at the directory when it offers sign-out. */
export function signOut(services: AppServices): RequestHandler {
  return async (req, res) => {
    const setup = oidcOf(services);
    if (setup === undefined) return res.redirect(303, localHref('/'));
    const user = res.locals.user;
    if (user !== undefined) audit(services, res, { action: 'sign-out', target: user.council, outcome: 'done' });
    await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
    res.clearCookie('class.sid', { path: '/' });
    const signedOut = localHref('/sign-in?signedOut=1');
    const back = new URL(signedOut, setup.settings.redirectUrl).href;
    const endSession = user === undefined ? null : await setup.oidc.endSessionUrl(user.council, back);
    res.redirect(303, endSession ?? signedOut);
  };
}
