/**
 * Every route the app serves, walked with every role and with nobody signed in (AUTH=oidc, a real
 * provider on loopback): the route table says who may use it, and the app does exactly that.
 * State-changing routes are also tried without a CSRF token by every role.
 */
import type express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor, routeAccessRow } from '../../src/web/access';
import { ROLES, roleAtLeast, type Role } from '../../src/web/auth/roles';
import { appRoutes, concrete } from '../web/routeWalk';
import { scenarioDir } from '../web/scenarioDir';
import { csrfOf, oidcApp, oidcSettings, signIn, startProvider, type Provider } from './oidcSetup';

const CSRF_REFUSED = 'Request refused: the form was out of date or did not come from this tool. Go back, reload the page and try again.';

let provider: Provider;
let app: express.Express;
const folder = scenarioDir(['class-central'], 200);
const agents = new Map<Role, { agent: ReturnType<typeof request.agent>; token: string }>();

beforeAll(async () => {
  provider = await startProvider();
  app = oidcApp(oidcSettings([{ council: 'bridgend', issuer: provider.issuer }]), folder.dir).app;
  for (const role of ROLES) {
    const { agent } = await signIn(app, provider, 'bridgend', { sub: role, name: `A ${role}`, roles: [role] });
    agents.set(role, { agent, token: csrfOf((await agent.get('/sign-in')).text) });
  }
}, 30_000);
afterAll(async () => {
  await provider.stop();
  folder.remove();
});

describe('the route table', () => {
  it('names every route the app serves (none falls through to the admin default)', () => {
    const routes = appRoutes(app);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => routeAccessRow(r.method, r.path) === undefined);
    expect(missing).toEqual([]);
  });

  it('states the roles the issue asks for', () => {
    expect(accessFor('POST', '/scenarios/save')).toBe('editor');
    expect(accessFor('POST', '/scenarios/class-central/sign-off')).toBe('approver');
    expect(accessFor('POST', '/scenarios/class-central/restore')).toBe('admin');
    expect(accessFor('GET', '/admin/audit')).toBe('admin');
    expect(accessFor('GET', '/scenarios/class-central/try')).toBe('viewer');
    expect(accessFor('GET', '/scenarios/class-central/results.xlsx')).toBe('viewer');
    expect(accessFor('DELETE', '/scenarios/class-central')).toBe('admin');
  });
});

describe('every route with every role and with none', () => {
  it('refuses every state-changing route without a CSRF token, for every role (and without a session)', async () => {
    const posts = appRoutes(app).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path).sort()).toEqual([
      '/scenarios/:name/restore',
      '/scenarios/:name/sign-off',
      '/scenarios/save',
      '/sign-out',
    ]);
    for (const route of posts) {
      const url = concrete(route.path);
      const access = accessFor('POST', url);
      for (const who of ['nobody', ...ROLES] as const) {
        const client = who === 'nobody' ? request(app) : agents.get(who)!.agent;
        const response = await client
          .post(url)
          .type('form')
          .send({ number: '1', paper: 'Cabinet', paperDate: '2026-03-12', name: 'x', text: 'name: x', action: 'save' });
        const may = access === 'public' || (who !== 'nobody' && roleAtLeast(who, access));
        // Without the role: refused by the role check (401 nobody, 403 otherwise); with it: by the CSRF check.
        expect(response.status, `${url} as ${who}`).toBe(may ? 403 : who === 'nobody' ? 401 : 403);
        if (may) expect(response.text).toBe(CSRF_REFUSED);
      }
    }
  }, 60_000);

  it('lets through exactly the roles the table names', async () => {
    const problems: string[] = [];
    // Signing out ends the agents' sessions, so it is walked last.
    const routes = appRoutes(app).sort((a, b) => Number(a.path === '/sign-out') - Number(b.path === '/sign-out'));
    for (const route of routes) {
      const url = concrete(route.path);
      const access = accessFor(route.method, url);
      for (const who of ['nobody', ...ROLES] as const) {
        const signedIn = who === 'nobody' ? undefined : agents.get(who)!;
        const client = signedIn?.agent ?? request(app);
        const may = access === 'public' || (who !== 'nobody' && roleAtLeast(who, access));
        const send =
          route.method === 'GET'
            ? client.get(url)
            : client
                .post(url)
                .type('form')
                .send({ _csrf: signedIn?.token ?? '' });
        const response = await send;
        // A public route never refuses for want of a role (the callback's own 401 is a failed sign-in, not a role check).
        const refused =
          access !== 'public' &&
          (response.status === 401 ||
            (response.status === 403 && response.text !== CSRF_REFUSED) ||
            (response.status === 303 && String(response.headers.location).startsWith('/sign-in?')));
        if (may === refused) problems.push(`${route.method} ${url} as ${who}: ${response.status} (${access})`);
        if (!may)
          expect(response.status === 401 || response.status === 403 || response.status === 303, `${route.method} ${url} as ${who}`).toBe(
            true,
          );
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
