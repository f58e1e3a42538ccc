/**
 * What the web app needs from the rest of the system. `createApp` depends only on this,
 * so tests pass fakes and `server.ts` passes the real thing (`createServices`).
 */
import { createRunner, type Analyse, type Runner } from './runner';
import { folderStore, type ScenarioStore } from './scenarioStore';

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
}

/** The real services, as the server uses them. */
export function createServices(settings: ServiceSettings): AppServices {
  const now = (): Date => new Date();
  return {
    scenariosDir: settings.scenariosDir,
    env: settings.env,
    allowedHosts: allowedHostsFor(settings.bindHost, settings.extraHosts ?? []),
    trustProxy: settings.trustProxy ?? false,
    log: settings.log ?? jsonLineLog,
    store: folderStore(settings.scenariosDir),
    runner: createRunner(settings.analyse, now),
    runWaitMs: settings.runWaitMs ?? 2_500,
    now,
  };
}
