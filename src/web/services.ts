/**
 * What the web app needs from the rest of the system. `createApp` depends only on this,
 * so tests pass fakes and `server.ts` passes the real thing (`createServices`).
 */
import { listScenarioFiles, type ScenarioSummary } from './scenarioFiles';

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
  /** The scenarios the tool can show, by name. */
  listScenarios(): Promise<ScenarioSummary[]>;
  // Extension points, to add when the results pages are built (keep handlers thin: they call
  // these, then render a view model shaped by a tested pure function in src/report/):
  //   loadScenario(name: string): Promise<LoadResult>
  //     wraps src/scenario/load.ts loadScenario(text, file); problems come back as values.
  //   runScenario(name: string, options: RunOptions): Promise<Results>
  //     wraps src/run/analyse.ts runScenario; Monte Carlo belongs on a piscina pool owned by
  //     the services (created in createServices, closed by server.ts on shutdown), never in
  //     the request thread. Results have the shape of shared/model.md section 9.
}

export type { ScenarioSummary };

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
}

/** The real services, as the server uses them. */
export function createServices(settings: ServiceSettings): AppServices {
  return {
    scenariosDir: settings.scenariosDir,
    env: settings.env,
    allowedHosts: allowedHostsFor(settings.bindHost, settings.extraHosts ?? []),
    trustProxy: settings.trustProxy ?? false,
    log: settings.log ?? jsonLineLog,
    listScenarios: () => listScenarioFiles(settings.scenariosDir),
  };
}
