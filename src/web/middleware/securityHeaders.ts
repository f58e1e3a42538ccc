import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The content security policy: scripts, styles, fonts and images from this site only. */
const BASE_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
} as const;

/**
 * Helmet's headers with a strict CSP. HTTPS-only headers (upgrade-insecure-requests and
 * Strict-Transport-Security) are sent only when the request came over https (`req.secure`):
 * helmet sends them always by default, and upgrade-insecure-requests makes browsers fetch
 * every asset over https, which breaks a tool served over plain http on a council network.
 */
export function securityHeaders(): RequestHandler {
  const forHttps = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...BASE_DIRECTIVES, upgradeInsecureRequests: [] },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  const forHttp = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...BASE_DIRECTIVES } },
    strictTransportSecurity: false,
  });
  return (req, res, next) => (req.secure ? forHttps : forHttp)(req, res, next);
}
