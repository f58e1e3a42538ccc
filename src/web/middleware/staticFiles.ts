import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);

/** The project root: two folders up from src/web/middleware. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** dist/govuk in the installed govuk-frontend (its main entry lives there). */
const GOVUK_DIST = path.dirname(require.resolve('govuk-frontend'));
/** dist in the installed chart.js (its main entry lives there). */
const CHART_DIST = path.dirname(require.resolve('chart.js'));

/** URL → file for the vendor files pages load; never a CDN. */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
  '/vendor/govuk-frontend.min.css': path.join(GOVUK_DIST, 'govuk-frontend.min.css'),
  '/vendor/govuk-frontend.min.js': path.join(GOVUK_DIST, 'govuk-frontend.min.js'),
  '/vendor/chart.umd.js': path.join(CHART_DIST, 'chart.umd.min.js'),
};

/**
 * Static files: public/ at the site root, the vendor files above, and govuk-frontend's
 * assets at /assets (its compiled CSS refers to /assets/...).
 */
export function staticFiles(): Router {
  const router = Router();
  const vendorOptions = { maxAge: '1d' } as const;
  for (const [url, file] of Object.entries(VENDOR_FILES)) {
    router.get(url, (_req, res, next) => {
      res.sendFile(file, vendorOptions, (error) => {
        if (error) next(error);
      });
    });
  }
  // redirect: false, so a folder's name never becomes a redirect to "folder/" (the Welsh home
  // page, /cy, would otherwise be sent to /cy/ as if it were the public folder).
  router.use('/assets', express.static(path.join(GOVUK_DIST, 'assets'), { maxAge: '1d', index: false, redirect: false }));
  router.use(express.static(path.join(PROJECT_ROOT, 'public'), { index: false, redirect: false }));
  return router;
}
