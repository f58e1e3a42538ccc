/**
 * A real OpenID Connect provider for tests (oauth2-mock-server on 127.0.0.1, no network): an app
 * in AUTH=oidc mode that trusts it, and sign-in through the whole authorisation-code-with-PKCE
 * round trip, with the roles claim each sign-in should carry.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import request from 'supertest';
import type express from 'express';
import { oidcClient } from '../../src/web/auth/oidc';
import type { OidcSettings } from '../../src/web/auth/settings';
import { openDatabase, type Db } from '../../src/store/database';
import { databaseStore } from '../../src/web/scenarioStore';
import { testApp } from '../web/helpers';

export interface Provider {
  server: OAuth2Server;
  issuer: string;
  stop: () => Promise<void>;
}

/** A provider listening on a free loopback port with one RS256 key. */
export async function startProvider(): Promise<Provider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url!;
  return { server, issuer, stop: () => server.stop() };
}

export const CLIENT_ID = 'class-tool';
export const REDIRECT_URL = 'http://127.0.0.1/auth/callback';

export function oidcSettings(issuers: { council: string; issuer: string }[], overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    mode: 'oidc',
    issuers,
    clientId: CLIENT_ID,
    clientSecret: 'client-secret',
    redirectUrl: REDIRECT_URL,
    rolesClaim: 'roles',
    region: 'region',
    sessionSeconds: 3600,
    apiAudience: CLIENT_ID,
    sessionSecret: 'a-session-secret-of-at-least-32-characters',
    allowHttpIssuers: true,
    ...overrides,
  };
}

/** An app (AUTH=oidc) over `scenariosDir` with its own database. */
export function oidcApp(
  settings: OidcSettings,
  scenariosDir: string,
  db: Db = openDatabase(':memory:'),
): { app: express.Express; db: Db; logs: unknown[] } {
  const { app, services } = testApp(
    { db, store: databaseStore(scenariosDir, db), auth: { settings, oidc: oidcClient(settings), secret: settings.sessionSecret } },
    { scenariosDir },
  );
  return { app, db, logs: services.logs };
}

const claimsFor = new WeakMap<Provider, Record<string, unknown>>();

/** Claims the provider puts in every token it signs from now on (the tokens of the next sign-in). */
export function nextClaims(provider: Provider, claims: Record<string, unknown>): void {
  if (!claimsFor.has(provider))
    provider.server.service.on('beforeTokenSigning', (token) => Object.assign(token.payload, claimsFor.get(provider)));
  claimsFor.set(provider, claims);
}

/**
 * Signs in through the provider: the app's redirect, the provider's authorise endpoint, and the
 * callback. Returns the agent (holding the session cookie) and the callback's response.
 */
export async function signIn(
  app: express.Express,
  provider: Provider,
  council: string,
  claims: Record<string, unknown>,
): Promise<{ agent: ReturnType<typeof request.agent>; callback: request.Response }> {
  const agent = request.agent(app);
  const start = await agent.get(`/sign-in/${council}?returnTo=%2Fscenarios`);
  if (start.status !== 303) throw new Error(`sign-in start answered ${start.status}`);
  nextClaims(provider, claims);
  const authorise = await fetch(start.headers.location!, { redirect: 'manual' });
  const back = new URL(authorise.headers.get('location')!);
  const callback = await agent.get(`${back.pathname}${back.search}`);
  return { agent, callback };
}

/** The CSRF token on a page (every page has one in the sign-out form when signed in). */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (match === null) throw new Error('no CSRF token on the page');
  return match[1]!;
}
