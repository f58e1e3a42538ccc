import type { RequestHandler } from 'express';
import { t } from '../../report/messages';

/**
 * The host name in a Host header, lower-cased, without the port.
 * @example hostNameOf('LocalHost:3000') // "localhost"
 * @example hostNameOf('[::1]:3000') // "[::1]"
 */
export function hostNameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(0, end + 1);
  }
  return host.split(':')[0] ?? '';
}

/**
 * Refuses with 400 any request whose Host header is not allowed. A tool bound to
 * 127.0.0.1 would otherwise answer a foreign page that points its own domain name at
 * 127.0.0.1 (DNS rebinding) and reads the responses.
 */
export function hostCheck(allowedHosts: readonly string[] | 'any'): RequestHandler {
  if (allowedHosts === 'any') return (_req, _res, next) => next();
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return (req, res, next) => {
    const header = req.headers.host;
    if (header !== undefined && allowed.has(hostNameOf(header))) {
      next();
      return;
    }
    res.status(400).type('text/plain').send(t('error.badHost.body'));
  };
}
