/**
 * What the web app needs from the rest of the system. `createApp` depends only on this,
 * so tests pass fakes and `server.ts` passes the real thing (`createServices`).
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../store/database';
import type { OidcClient } from './auth/oidc';
import type { SignedInUser } from './auth/roles';
import type { AuthSettings } from './auth/settings';
import { createRunner, type Analyse, type Runner } from './runner';
import { databaseStore, type ScenarioStore } from './scenarioStore';
import type { Problem } from '../scenario/types';

export type AppEnv = 'development' | 'production' | 'test';

/** One structured log entry; written as one line of JSON. */
export type LogEntry = Readonly<Record<string, unknown>>;
export type Log = (entry: LogEntry) => void;

export interface AppServices {
  /** Folder of the bundled scenario files (`scenarios/`). */
  scenariosDir: string;
  /** development shows stack traces on error pages; production and test never do. */
  env: AppEnv;
  /**
   * Host names (without port) the app answers to, or 'any'. When the server is bound to a
   * loopback address this defaults to localhost names only, so a web page elsewhere cannot
   * reach the tool through DNS rebinding. See `allowedHostsFor`.
   */
  allowedHosts: readonly string[] | 'any';
  /**
   * Express's `trust proxy` setting. Off by default: X-Forwarded-Proto is then ignored and
   * the app treats every request as plain http. Set it (e.g. 'loopback') only when a
   * TLS-terminating proxy sits in front; then HTTPS-only headers are sent for https requests.
   */
  trustProxy: boolean | string;
  /** Where request and error logs go. */
  log: Log;
  /** The scenario files, by name. */
  store: ScenarioStore;
  /** Runs on the worker pool, remembered by scenario hash, iterations and seed. */
  runner: Runner;
  /** How long a page waits for a run before it shows progress instead (milliseconds). */
  runWaitMs: number;
  /** The time, for run stamps (tests fix it). */
  now: () => Date;
  /**
   * The database of revisions, the audit log, sign-offs and sessions (src/store). Without it
   * (tests that only read) history, sign-off and the audit log answer 404 and nothing is recorded.
   */
  db?: Db;
  /** Sign-in; without it, AUTH=none (one person on this machine, see `localAuth`). */
  auth?: AuthSetup;
  /**
   * Finds the problems of a scenario's text for the edit page off this thread (the server passes
   * a RunPool's check); without it (tests) the text is checked on this thread.
   */
  checkScenario?: (text: string, fileName: string) => Promise<Problem[]>;
}

/** Sign-in as the app uses it. */
export interface AuthSetup {
  settings: AuthSettings;
  /** Present when settings.mode is 'oidc'. */
  oidc?: OidcClient;
  /** Signs CSRF tokens (and the session cookie with oidc). */
  secret: string;
  /** With AUTH=none: the one person, with every role. */
  localUser?: SignedInUser;
}

/** AUTH=none: the person at this machine, with every role, named by their login name. */
export function localAuth(secret = randomBytes(32).toString('hex')): AuthSetup {
  let login = 'local user';
  try {
    login = userInfo().username || login;
  } catch {
    // No passwd entry (some containers): keep the plain name.
  }
  return {
    settings: { mode: 'none' },
    secret,
    localUser: { id: `local:${login}`, name: login, council: 'local', role: 'admin', expiresAt: Number.POSITIVE_INFINITY },
  };
}

/** Host names that always mean this machine. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1', '[::1]'];

/**
 * The Host header names to accept for a server bound to `bindHost`.
 * A loopback bind accepts only loopback names (plus `extraHosts`); any other bind address
 * was chosen on purpose by whoever configured HOST, so every Host is accepted unless
 * `extraHosts` lists the names to allow.
 * @example allowedHostsFor('127.0.0.1', []) // ['localhost', '127.0.0.1', '::1', '[::1]']
 * @example allowedHostsFor('0.0.0.0', []) // 'any'
 */
export function allowedHostsFor(bindHost: string, extraHosts: readonly string[]): readonly string[] | 'any' {
  const extras = extraHosts.map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
  if (LOOPBACK_NAMES.includes(bindHost.toLowerCase())) return [...LOOPBACK_NAMES, ...extras];
  return extras.length > 0 ? [bindHost.toLowerCase(), ...extras] : 'any';
}

/** Writes each entry as one line of JSON on stdout. */
export function jsonLineLog(entry: LogEntry): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

export interface ServiceSettings {
  scenariosDir: string;
  env: AppEnv;
  bindHost: string;
  /** Comma-separated extra Host names, from ALLOWED_HOSTS. */
  extraHosts?: readonly string[];
  trustProxy?: boolean | string;
  log?: Log;
  /** Runs Monte Carlo; the server passes a RunPool's analyse. */
  analyse: Analyse;
  runWaitMs?: number;
  /** The data folder (DATA_DIR): the database of saved scenarios, history, audit and sessions. */
  dataDir: string;
  /** Sign-in; AUTH=none when absent. */
  auth?: AuthSetup;
  /** Checks a scenario's text off the web thread; the server passes a RunPool's check. */
  checkScenario?: (text: string, fileName: string) => Promise<Problem[]>;
}

/** The data folder when DATA_DIR is not set: data/ beside the app. */
export function defaultDataDir(projectRoot: string): string {
  return path.join(projectRoot, 'data');
}

/** The real services, as the server uses them. */
export function createServices(settings: ServiceSettings): AppServices {
  const now = (): Date => new Date();
  const db = openDatabase(settings.dataDir);
  return {
    scenariosDir: settings.scenariosDir,
    env: settings.env,
    allowedHosts: allowedHostsFor(settings.bindHost, settings.extraHosts ?? []),
    trustProxy: settings.trustProxy ?? false,
    log: settings.log ?? jsonLineLog,
    store: databaseStore(settings.scenariosDir, db, now),
    runner: createRunner(settings.analyse, now),
    runWaitMs: settings.runWaitMs ?? 2_500,
    now,
    db,
    auth: settings.auth ?? localAuth(),
    ...(settings.checkScenario ? { checkScenario: settings.checkScenario } : {}),
  };
}
