import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import type request from 'superagent';
import { createApp } from '../../src/web/app';
import type { Results } from '../../src/model/results';
import type { MonteCarloRequest } from '../../src/run/montecarlo';
import { RunPool } from '../../src/run/pool';
import { runScenario } from '../../src/run/analyse';
import type { Scenario } from '../../src/scenario/types';
import { createRunner } from '../../src/web/runner';
import { databaseStore } from '../../src/web/scenarioStore';
import { openDatabase } from '../../src/store/database';
import { csrfTokenFor } from '../../src/web/middleware/csrf';
import { allowedHostsFor, localAuth, type AppServices, type LogEntry } from '../../src/web/services';

/** The CSRF secret of test apps, and the token every state-changing form of a test app (AUTH=none) carries. */
export const TEST_SECRET = 'test-secret-for-csrf-tokens-0123456789';
export const TEST_CSRF = csrfTokenFor(TEST_SECRET, {} as Parameters<typeof csrfTokenFor>[1]);

export const FIXTURE_SCENARIOS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenarios');

/** The time every test run is stamped with. */
export const FIXED_NOW = new Date('2025-06-02T10:00:00Z');

/** Runs in this thread (no pool), for tests that do not need workers. */
export const inProcessAnalyse = (scenario: Scenario, request: MonteCarloRequest): Promise<Results> =>
  runScenario(scenario, { iterations: request.iterations, seed: request.seed });

/** A small real pool; destroy it after the tests. */
export function testPool(): RunPool {
  return new RunPool({ threads: 2, maxQueue: 8, timeoutMs: 30_000 });
}

/**
 * Services over the fixture scenarios (or `scenariosDir`): loopback-only hosts, runs in this
 * thread unless `analyse` is given, a fixed clock, logs kept in `logs`, saves into a fresh
 * in-memory database, AUTH=none with the CSRF token TEST_CSRF.
 */
export function fakeServices(
  overrides: Partial<AppServices> = {},
  options: { scenariosDir?: string; analyse?: (scenario: Scenario, request: MonteCarloRequest) => Promise<Results> } = {},
): AppServices & { logs: LogEntry[] } {
  const logs: LogEntry[] = [];
  const scenariosDir = options.scenariosDir ?? FIXTURE_SCENARIOS_DIR;
  const now = (): Date => FIXED_NOW;
  const db = overrides.db ?? openDatabase(':memory:');
  return {
    scenariosDir,
    env: 'test',
    allowedHosts: allowedHostsFor('127.0.0.1', []),
    trustProxy: false,
    log: (entry) => logs.push(entry),
    store: databaseStore(scenariosDir, db, now),
    db,
    auth: localAuth(TEST_SECRET),
    runner: createRunner(options.analyse ?? inProcessAnalyse, now),
    runWaitMs: 20_000,
    now,
    ...overrides,
    logs,
  };
}

export function testApp(
  overrides: Partial<AppServices> = {},
  options: Parameters<typeof fakeServices>[1] = {},
): {
  app: express.Express;
  services: AppServices & { logs: LogEntry[] };
} {
  const services = fakeServices(overrides, options);
  return { app: createApp(services), services };
}

/** A supertest parser that keeps a download's bytes: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The visible text of a page: scripts and tags out, quote and ampersand entities in, white space collapsed. */
export function visible(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
