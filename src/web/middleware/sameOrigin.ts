import type { RequestHandler, Request, Response } from 'express';

/**
 * Refuses (403) a POST sent from another site, so a page elsewhere cannot save a scenario into
 * this tool through the visitor's browser. Browsers say where a request came from in
 * Sec-Fetch-Site (same-origin for our own forms); older ones send Origin, which must then name
 * this host. Our pages send no referrer, so Chromium sends `Origin: null` for their own forms:
 * Sec-Fetch-Site decides first. Requests with neither header (command-line tools) pass.
 */
export function sameOrigin(onRefused: (req: Request, res: Response) => void = () => undefined): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      if (site === 'same-origin' || site === 'none') return next();
    } else {
      const origin = req.headers.origin;
      if (origin === undefined) return next();
      let originHost = '';
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        // "null" or junk: not this site.
      }
      if (originHost !== '' && originHost === (req.headers.host ?? '').toLowerCase()) return next();
    }
    onRefused(req, res);
    res.status(403).type('text/plain').send(res.locals.t('error.crossSite'));
  };
}
