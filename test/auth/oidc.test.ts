import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { recentAudit } from '../../src/store/audit';
import { latestRevision, revisionsOf } from '../../src/store/revisions';
import { scenarioHash } from '../../src/scenario/hash';
import { scenarioDir } from '../web/scenarioDir';
import { CLIENT_ID, csrfOf, oidcApp, oidcSettings, signIn, startProvider, type Provider } from './oidcSetup';

let bridgend: Provider;
let stranger: Provider;
const folder = scenarioDir(['class-central'], 200);

beforeAll(async () => {
  bridgend = await startProvider();
  stranger = await startProvider();
});
afterAll(async () => {
  await bridgend.stop();
  await stranger.stop();
  folder.remove();
});

const settings = () => oidcSettings([{ council: 'bridgend', issuer: bridgend.issuer }]);
const person = (name: string, roles: string[]) => ({ sub: name.toLowerCase().replace(/ /g, '.'), name, roles });

describe('sign-in with OpenID Connect (a provider on loopback)', () => {
  it('signs in through code + PKCE and shows the person with the role from the claim', async () => {
    const { app, db } = oidcApp(settings(), folder.dir);
    const { agent, callback } = await signIn(app, bridgend, 'bridgend', person('Alys Editor', ['editor']));
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/scenarios');
    const cookie = String(callback.headers['set-cookie']);
    expect(cookie).toMatch(/class\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await agent.get('/');
    expect(home.text).toContain('Signed in as Alys Editor (editor)');
    expect(recentAudit(db)[0]).toMatchObject({ action: 'sign-in', outcome: 'done', target: 'bridgend', detail: 'role editor' });
    expect(recentAudit(db)[0]!.actor).toBe(`Alys Editor <${bridgend.issuer}#alys.editor>`);
  });

  it('a page without a session sends the person to sign in; the sign-in page lists the allowed councils', async () => {
    const { app } = oidcApp(settings(), folder.dir);
    const page = await request(app).get('/scenarios');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fscenarios');
    const signInPage = await request(app).get('/sign-in');
    expect(signInPage.text).toContain('Sign in with your bridgend account');
    expect((await request(app).get('/api/scenarios')).status).toBe(401);
  });

  it("takes roles scoped to the region or the person's own council, never another council's", async () => {
    const { app } = oidcApp(settings(), folder.dir);
    const scoped = await signIn(app, bridgend, 'bridgend', person('Bryn Finance', ['viewer', 'bridgend.approver', 'merthyr-tydfil.admin']));
    expect((await scoped.agent.get('/')).text).toContain('Signed in as Bryn Finance (approver)');
    const none = await signIn(app, bridgend, 'bridgend', person('Cai Nobody', ['rhondda-cynon-taf.admin']));
    expect((await none.agent.get('/')).text).toContain('Signed in as Cai Nobody (no role in this tool)');
    expect((await none.agent.get('/scenarios')).status).toBe(403);
  });

  it('refuses an ID token whose issuer is not on the allow-list, and records it', async () => {
    const { app, db } = oidcApp(settings(), folder.dir);
    const { agent, callback } = await signIn(app, bridgend, 'bridgend', { ...person('Mallory', ['admin']), iss: stranger.issuer });
    expect(callback.status).toBe(401);
    expect(callback.text).toContain('Sign-in did not work');
    expect((await agent.get('/scenarios')).status).toBe(303);
    const refused = recentAudit(db).find((e) => e.action === 'sign-in');
    expect(refused).toMatchObject({ outcome: 'refused', actor: 'anonymous', target: 'bridgend' });
    expect(refused!.detail).toContain('"iss" (issuer)');
  });

  it('JSON API: a bearer token from the allowed issuer works; one from another issuer is refused', async () => {
    const { app } = oidcApp(settings(), folder.dir);
    const good = await bridgend.server.issuer.buildToken({
      scopesOrTransform: (_header, payload) => Object.assign(payload, { aud: CLIENT_ID, sub: 'script', roles: ['viewer'] }),
    });
    const foreign = await stranger.server.issuer.buildToken({
      scopesOrTransform: (_header, payload) => Object.assign(payload, { aud: CLIENT_ID, sub: 'script', roles: ['admin'] }),
    });
    expect((await request(app).get('/api/scenarios').set('Authorization', `Bearer ${good}`)).status).toBe(200);
    const refused = await request(app).get('/api/scenarios').set('Authorization', `Bearer ${foreign}`);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid token');
    // A bearer token opens the API only, never a page.
    expect((await request(app).get('/scenarios').set('Authorization', `Bearer ${good}`)).status).toBe(401);
  });

  it('an expired session counts as signed out', async () => {
    const { app } = oidcApp(oidcSettings([{ council: 'bridgend', issuer: bridgend.issuer }], { sessionSeconds: 3 }), folder.dir);
    const { agent } = await signIn(app, bridgend, 'bridgend', person('Alys Editor', ['editor']));
    expect((await agent.get('/scenarios')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const later = await agent.get('/scenarios');
    expect(later.status).toBe(303);
    expect(later.headers.location).toMatch(/^\/sign-in\?returnTo=%2Fscenarios/);
  });

  it('signs out (a CSRF-checked POST), ends the session and records it', async () => {
    const { app, db } = oidcApp(settings(), folder.dir);
    const { agent } = await signIn(app, bridgend, 'bridgend', person('Alys Editor', ['editor']));
    const token = csrfOf((await agent.get('/')).text);
    expect((await agent.post('/sign-out').type('form').send({})).status).toBe(403);
    const out = await agent.post('/sign-out').type('form').send({ _csrf: token });
    expect(out.status).toBe(303);
    expect(out.headers.location).toContain(`${bridgend.issuer}/endsession`);
    expect((await agent.get('/scenarios')).status).toBe(303);
    // Newest first: the refused page after sign-out, the sign-out, the post without a token.
    expect(
      recentAudit(db)
        .map((e) => `${e.action}:${e.outcome}`)
        .slice(0, 3),
    ).toEqual(['request:refused', 'sign-out:done', 'request:refused']);
  });
});

describe('who may change a scenario', () => {
  it("an outsider's tampered save gets 401 and changes nothing; an editor's save is in the history with their name; an admin restores; the audit log shows all three", async () => {
    const { app, db } = oidcApp(settings(), folder.dir);
    const bundledHash = (await import('node:fs')).readFileSync(`${folder.dir}/class-central.yaml`, 'utf8');
    const tampered = {
      name: 'x',
      from: 'class-central',
      saveAs: 'revision',
      text: 'name: tampered\n',
      baseHash: scenarioHash(bundledHash),
      action: 'save',
    };
    // One curl with no headers, as the issue found.
    const outsider = await request(app).post('/scenarios/save').type('form').send(tampered);
    expect(outsider.status).toBe(401);
    expect(latestRevision(db, 'class-central')).toBeUndefined();
    // A viewer with a valid CSRF token still may not save.
    const viewer = await signIn(app, bridgend, 'bridgend', person('Dewi Board', ['viewer']));
    const viewerToken = csrfOf((await viewer.agent.get('/')).text);
    expect(
      (
        await viewer.agent
          .post('/scenarios/save')
          .type('form')
          .send({ ...tampered, _csrf: viewerToken })
      ).status,
    ).toBe(403);
    expect(latestRevision(db, 'class-central')).toBeUndefined();

    const editor = await signIn(app, bridgend, 'bridgend', person('Alys Editor', ['editor']));
    const edit = await editor.agent.get('/scenarios/class-central/edit');
    const changed = bundledHash.replace('value: 660546', 'value: 700000');
    const saved = await editor.agent
      .post('/scenarios/save')
      .type('form')
      .send({ ...tampered, text: changed, _csrf: csrfOf(edit.text), message: 'new contract price' });
    expect(saved.status).toBe(303);
    const history = await editor.agent.get('/scenarios/class-central/history');
    expect(history.text).toContain('Alys Editor');
    expect(history.text).toContain('new contract price');
    expect(history.text).not.toContain('Restore version 1'); // editors cannot restore
    expect(revisionsOf(db, 'class-central').map((r) => r.author)).toEqual(['Alys Editor', 'bundled']);
    expect(
      (
        await editor.agent
          .post('/scenarios/class-central/restore')
          .type('form')
          .send({ number: '1', baseHash: scenarioHash(changed), _csrf: csrfOf(edit.text) })
      ).status,
    ).toBe(403);

    const admin = await signIn(app, bridgend, 'bridgend', person('Eira Admin', ['admin']));
    const adminHistory = await admin.agent.get('/scenarios/class-central/history');
    expect(adminHistory.text).toContain('Restore version 1');
    const restored = await admin.agent
      .post('/scenarios/class-central/restore')
      .type('form')
      .send({ number: '1', baseHash: scenarioHash(changed), _csrf: csrfOf(adminHistory.text) });
    expect(restored.status).toBe(303);
    expect(restored.headers.location).toBe('/scenarios/class-central/history?restored=3');
    expect(latestRevision(db, 'class-central')).toMatchObject({
      number: 3,
      author: 'Eira Admin',
      message: 'Restored version 1',
      text: bundledHash,
    });

    const log = await admin.agent.get('/admin/audit');
    expect(log.status).toBe(200);
    for (const expected of [
      'not signed in',
      'needs editor, has viewer',
      'class-central revision 2',
      'class-central revision 1',
      'as revision 3',
      'Alys Editor',
      'Eira Admin',
    ])
      expect(log.text).toContain(expected);
    const actions = recentAudit(db).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toContain('save:done');
    expect(actions).toContain('restore:done');
    expect(actions.filter((a) => a === 'request:refused').length).toBeGreaterThanOrEqual(3);
    expect((await editor.agent.get('/admin/audit')).status).toBe(403);
  }, 30_000);
});
