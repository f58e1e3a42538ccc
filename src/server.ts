/**
 * The only file that listens. Settings from the environment:
 *   HOST (default 127.0.0.1), PORT (default 3000), NODE_ENV (development | production | test;
 *   default production), ALLOWED_HOSTS (comma-separated extra Host names), TRUST_PROXY
 *   (Express trust proxy value, e.g. "loopback"; off by default), SCENARIOS_DIR, RUN_THREADS
 *   (worker threads; default the machine's cores), RUN_TIMEOUT_MS (a run's time limit; 120000),
 *   DATA_DIR (the database of saved scenarios, history, audit and sessions; default data/ beside
 *   the app), and the sign-in settings AUTH, AUTH_* and SESSION_SECRET (src/web/auth/settings.ts;
 *   README "Sign-in and roles"). Without sign-in (AUTH=none) it listens on loopback only.
 */
import path from 'node:path';
import { RunPool } from './run/pool';
import { createApp } from './web/app';
import { PROJECT_ROOT } from './web/middleware/staticFiles';
import { warmUp } from './web/runner';
import { oidcClient } from './web/auth/oidc';
import { authSettingsFromEnv, listenRefusal } from './web/auth/settings';
import { createServices, defaultDataDir, jsonLineLog, localAuth, type AppEnv, type AuthSetup } from './web/services';

function envName(value: string | undefined): AppEnv {
  return value === 'development' || value === 'test' ? value : 'production';
}

function trustProxySetting(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}"`);
}

const authRead = authSettingsFromEnv(process.env);
if (!authRead.ok) {
  for (const error of authRead.errors) jsonLineLog({ level: 'error', msg: 'sign-in settings', error });
  process.exit(1);
}
const refusal = listenRefusal(authRead.settings, host);
if (refusal !== null) {
  jsonLineLog({ level: 'error', msg: refusal });
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
const auth: AuthSetup =
  authRead.settings.mode === 'oidc'
    ? { settings: authRead.settings, oidc: oidcClient(authRead.settings), secret: authRead.settings.sessionSecret }
    : localAuth();

const pool = new RunPool({
  ...(process.env.RUN_THREADS ? { threads: Number(process.env.RUN_THREADS) } : {}),
  timeoutMs: Number(process.env.RUN_TIMEOUT_MS ?? 120_000),
});

const bundledDir = path.resolve(process.env.SCENARIOS_DIR ?? path.join(PROJECT_ROOT, 'scenarios'));
const services = createServices({
  scenariosDir: bundledDir,
  env: envName(process.env.NODE_ENV),
  bindHost: host,
  extraHosts: (process.env.ALLOWED_HOSTS ?? '').split(','),
  trustProxy: trustProxySetting(process.env.TRUST_PROXY),
  log: jsonLineLog,
  analyse: (scenario, request, client) => pool.analyse(scenario, request, client),
  checkScenario: (text, fileName) => pool.check(text, fileName),
  dataDir: path.resolve(process.env.DATA_DIR ?? defaultDataDir(PROJECT_ROOT)),
  auth,
});

const server = createApp(services).listen(port, host, () => {
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  jsonLineLog({ level: 'info', msg: 'listening', url: `http://${urlHost}:${boundPort}/`, env: services.env, auth: auth.settings.mode });
  // Work out the bundled scenarios' headlines now, so the first visit to the list is quick; never a
  // saved file's (its heavy settings would hold up everyone's first runs).
  void warmUp(services.runner, bundledDir).catch((error: unknown) =>
    jsonLineLog({ level: 'warn', msg: 'warming the scenarios failed', error: String(error) }),
  );
});

server.on('error', (error) => {
  jsonLineLog({ level: 'error', msg: 'server error', error: String(error) });
  process.exit(1);
});

/** Stop taking connections, let open requests finish, then exit; force after 10 s. */
function shutdown(signal: NodeJS.Signals): void {
  jsonLineLog({ level: 'info', msg: 'shutting down', signal });
  server.close((error) => {
    void pool.destroy().finally(() => {
      services.db?.close();
      process.exit(error ? 1 : 0);
    });
  });
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(1);
  }, 10_000).unref();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
