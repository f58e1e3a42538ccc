import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { allowedHostsFor } from '../../src/web/services';
import { hostNameOf } from '../../src/web/middleware/hostCheck';
import { testApp } from './helpers';

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
