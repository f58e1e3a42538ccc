import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { allowedHostsFor } from '../../src/web/services';
import { hostNameOf } from '../../src/web/middleware/hostCheck';
import { FIXTURE_SCENARIOS_DIR, testApp } from './helpers';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('content security policy', () => {
  it('allows scripts and styles from this site only, never inline', async () => {
    const { app } = testApp();
    const response = await request(app).get('/');
    const csp = response.headers['content-security-policy'] as string;
    const policy = directives(csp);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('script-src-attr')).toBe("'none'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('sends no upgrade-insecure-requests or HSTS over plain http', async () => {
    const { app } = testApp();
    const response = await request(app).get('/');
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto when trust proxy is off (the default)', async () => {
    const { app } = testApp();
    const response = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends upgrade-insecure-requests and HSTS for https behind a trusted proxy', async () => {
    const { app } = testApp({ trustProxy: 'loopback' });
    const https = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    expect(https.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const http = await request(app).get('/').set('X-Forwarded-Proto', 'http');
    expect(http.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('sends the other helmet headers and no X-Powered-By', async () => {
    const { app } = testApp();
    const response = await request(app).get('/');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('Host header check', () => {
  it('refuses a foreign Host when bound to localhost', async () => {
    const { app } = testApp();
    const response = await request(app).get('/').set('Host', 'evil.example:3000');
    expect(response.status).toBe(400);
    expect(response.text).toBe('Request refused: this server does not answer to that host name.');
  });

  it.each(['localhost:3000', '127.0.0.1', '[::1]:8080', 'LOCALHOST'])('accepts %s', async (host) => {
    const { app } = testApp();
    const response = await request(app).get('/health').set('Host', host);
    expect(response.status).toBe(200);
  });

  it('accepts any Host when HOST is set to a non-loopback address', async () => {
    const { app } = testApp({ allowedHosts: allowedHostsFor('0.0.0.0', []) });
    const response = await request(app).get('/health').set('Host', 'class-tool.council.example');
    expect(response.status).toBe(200);
  });

  it('accepts extra names from ALLOWED_HOSTS', async () => {
    const { app } = testApp({ allowedHosts: allowedHostsFor('127.0.0.1', ['class-tool.internal']) });
    expect((await request(app).get('/health').set('Host', 'class-tool.internal')).status).toBe(200);
    expect((await request(app).get('/health').set('Host', 'other.internal')).status).toBe(400);
  });

  it('parses host names', () => {
    expect(hostNameOf('LocalHost:3000')).toBe('localhost');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(allowedHostsFor('0.0.0.0', [])).toBe('any');
    expect(allowedHostsFor('10.0.0.5', ['tool.council'])).toEqual(['10.0.0.5', 'tool.council']);
  });
});

describe('body size limit', () => {
  it('answers an oversized form with a friendly 413 page', async () => {
    const { app } = testApp();
    const response = await request(app)
      .post('/scenarios')
      .type('form')
      .send({ text: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.text).toContain('The data sent was too large');
  });
});

describe('sign-in settings and where the server may listen (issue 12)', () => {
  it('without sign-in, refuses any address but loopback, saying why', async () => {
    const { listenRefusal } = await import('../../src/web/auth/settings');
    expect(listenRefusal({ mode: 'none' }, '127.0.0.1')).toBeNull();
    expect(listenRefusal({ mode: 'none' }, '::1')).toBeNull();
    expect(listenRefusal({ mode: 'none' }, '0.0.0.0')).toBe(
      'Refusing to listen on 0.0.0.0 without sign-in: with AUTH=none anyone who can reach this address could change scenarios. Set AUTH=oidc (see the README, "Sign-in and roles") or leave HOST unset to listen on 127.0.0.1 only.',
    );
  });

  it('reads AUTH=oidc settings and lists every mistake', async () => {
    const { authSettingsFromEnv, listenRefusal } = await import('../../src/web/auth/settings');
    expect(authSettingsFromEnv({})).toEqual({ ok: true, settings: { mode: 'none' } });
    expect(authSettingsFromEnv({ AUTH: 'oidc', AUTH_ISSUERS: 'bridgend', SESSION_SECRET: 'short' })).toEqual({
      ok: false,
      errors: [
        'AUTH_ISSUERS: "bridgend" is not council=https://issuer',
        'AUTH_ISSUERS must list at least one council=issuer URL',
        'AUTH_CLIENT_ID must be set when AUTH=oidc',
        'AUTH_CLIENT_SECRET must be set when AUTH=oidc',
        'AUTH_REDIRECT_URL must be set when AUTH=oidc',
        'SESSION_SECRET must be at least 32 characters',
      ],
    });
    const read = authSettingsFromEnv({
      AUTH: 'oidc',
      AUTH_ISSUERS: 'bridgend=https://login.microsoftonline.com/1111/v2.0, rhondda-cynon-taf=https://login.microsoftonline.com/2222/v2.0',
      AUTH_CLIENT_ID: 'app',
      AUTH_CLIENT_SECRET: 'secret',
      AUTH_REDIRECT_URL: 'https://class.example/auth/callback',
      SESSION_SECRET: 'x'.repeat(32),
    });
    expect(read.ok && read.settings.mode === 'oidc' && read.settings.issuers.map((i) => i.council)).toEqual([
      'bridgend',
      'rhondda-cynon-taf',
    ]);
    expect(
      read.ok && read.settings.mode === 'oidc' && [read.settings.rolesClaim, read.settings.sessionSeconds, read.settings.apiAudience],
    ).toEqual(['roles', 28_800, 'app']);
    expect(read.ok && listenRefusal(read.settings, '0.0.0.0')).toBeNull();
  });

  it("roles: the highest in the claim, scoped to the region or the person's own council", async () => {
    const { roleFromClaim } = await import('../../src/web/auth/roles');
    expect(roleFromClaim(['viewer', 'bridgend.approver'], 'bridgend', 'region')).toBe('approver');
    expect(roleFromClaim(['region.editor', 'merthyr-tydfil.admin'], 'bridgend', 'region')).toBe('editor');
    expect(roleFromClaim('viewer admin', 'bridgend', 'region')).toBe('admin');
    expect(roleFromClaim(['owner', 42], 'bridgend', 'region')).toBeNull();
  });

  it('the session cookie is httpOnly, SameSite=Lax, and Secure over https behind a trusted proxy', async () => {
    const { oidcApp, oidcSettings, startProvider } = await import('../auth/oidcSetup');
    const provider = await startProvider();
    try {
      const settings = oidcSettings([{ council: 'bridgend', issuer: provider.issuer }]);
      const { app } = oidcApp(settings, FIXTURE_SCENARIOS_DIR);
      const plain = await request(app).get('/sign-in/bridgend');
      expect(String(plain.headers['set-cookie'])).toMatch(/^class\.sid=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
      const { createApp } = await import('../../src/web/app');
      const { fakeServices } = await import('./helpers');
      const proxied = createApp({
        ...fakeServices({ trustProxy: 'loopback' }),
        auth: { settings, oidc: (await import('../../src/web/auth/oidc')).oidcClient(settings), secret: settings.sessionSecret },
      });
      const https = await request(proxied).get('/sign-in/bridgend').set('X-Forwarded-Proto', 'https');
      expect(String(https.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Lax$/);
    } finally {
      await provider.stop();
    }
  });
});
