/**
 * The web app. `createApp` builds it from its services; only src/server.ts listens.
 * Order matters: id and log first (so every response is logged with its id), the language (from
 * the path: `/cy/...` is Welsh, its prefix taken off so every route below matches unchanged), the
 * Host check and security headers, view locals (early, so any error page can render),
 * health, static files, the session and who is asking, the Origin check, body parsers, the
 * route table's roles (src/web/access.ts), the CSRF check, pages, and last the one 404 handler
 * and the one error handler.
 */
import path from 'node:path';
import express from 'express';
import { errorHandler, notFound } from './errors';
import { runClient } from './runner';
import { bodyParsers } from './middleware/bodyParsers';
import { hostCheck } from './middleware/hostCheck';
import { requestId } from './middleware/requestId';
import { requestLog } from './middleware/requestLog';
import { securityHeaders } from './middleware/securityHeaders';
import { PROJECT_ROOT, staticFiles } from './middleware/staticFiles';
import { viewLocals } from './middleware/viewLocals';
import { keepLanguage, language } from './middleware/language';
import { health } from './routes/health';
import { home } from './routes/home';
import * as api from './routes/api';
import { compare } from './routes/compare';
import * as editing from './routes/edit';
import * as scenario from './routes/scenario';
import * as scenarios from './routes/scenarios';
import { sameOrigin } from './middleware/sameOrigin';
import { authenticate } from './middleware/authenticate';
import { authorise } from './middleware/authorise';
import { csrf, csrfLocals } from './middleware/csrf';
import { sessions } from './middleware/session';
import { signOffNotice } from './middleware/signOffNotice';
import { audit } from './audit';
import * as admin from './routes/admin';
import * as auth from './routes/auth';
import * as history from './routes/history';
import * as signOff from './routes/signOff';
import { localAuth, type AppServices } from './services';

export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

/** The Express app, ready for `listen` or supertest. */
export function createApp(given: AppServices): express.Express {
  const services: AppServices = { ...given, auth: given.auth ?? localAuth() };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  // Compiled templates are cached except in development, where edits show on reload.
  app.set('view cache', services.env !== 'development');

  app.use(requestId());
  app.use(requestLog(services.log));
  app.use(runClient());
  app.use(language());
  app.use(hostCheck(services.allowedHosts));
  app.use(securityHeaders());
  app.use(viewLocals());
  app.get('/health', health());
  app.use(staticFiles());
  app.use(sessions(services));
  app.use(keepLanguage());
  app.use(authenticate(services));
  app.use(csrfLocals(services.auth!.secret));
  app.use(
    sameOrigin((req, res) =>
      audit(services, res, {
        action: 'request',
        target: `${req.method} ${req.path}`,
        outcome: 'refused',
        detail: 'posted from another website',
      }),
    ),
  );
  app.use(bodyParsers());
  app.use(keepLanguage());
  app.use(authorise(services));
  app.use(csrf(services, services.auth!.secret));
  app.use(signOffNotice(services));
  app.use(keepLanguage());

  app.get('/sign-in', auth.signInPage(services));
  app.get('/sign-in/:council', auth.signInStart(services));
  app.get('/auth/callback', auth.signInCallback(services));
  app.post('/sign-out', auth.signOut(services));
  app.get('/admin/audit', admin.auditLog(services));
  app.get('/scenarios/:name/history', history.history(services));
  app.get('/scenarios/:name/history/:number', history.revision(services));
  app.get('/scenarios/:name/diff', history.diff(services));
  app.post('/scenarios/:name/restore', history.restore(services));
  app.get('/scenarios/:name/sign-off', signOff.signOffForm(services));
  app.post('/scenarios/:name/sign-off', signOff.signOffSave(services));
  app.get('/sign-offs/:id', signOff.signOffPage(services));
  app.get('/sign-offs/:id/report', signOff.signOffReport(services));
  app.get('/sign-offs/:id/results.xlsx', signOff.signOffWorkbook(services));

  app.get('/', home());
  app.get('/scenarios', scenarios.list(services));
  app.get('/scenarios/new', editing.newScenario(services));
  app.post('/scenarios/save', ...editing.save(services));
  app.get('/scenarios/:name', scenario.view(services));
  app.use(scenario.sections(services));
  app.get('/scenarios/:name/status', scenario.status(services));
  app.get('/scenarios/:name/try', scenario.tryChange(services));
  app.get('/scenarios/:name/results.csv', scenario.csv(services));
  app.get('/scenarios/:name/results-information.csv', scenario.informationCsv(services));
  app.get('/scenarios/:name/results.xlsx', scenario.xlsx(services));
  app.get('/scenarios/:name/report', scenario.report(services));
  app.get('/scenarios/:name/edit', editing.edit(services));
  app.get('/compare', compare(services));
  app.get('/api/scenarios', api.listScenarios(services));
  app.get('/api/scenarios/:name/results', api.results(services));
  app.use('/api', api.notFound());

  app.use(notFound());
  app.use(errorHandler(services.env, services.log));
  return app;
}
