import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import { createApp } from '../../src/web/app';
import { allowedHostsFor, type AppServices, type LogEntry } from '../../src/web/services';

export const FIXTURE_SCENARIOS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scenarios');

/** Fake services: loopback-only hosts, a fixed scenario list, logs kept in `logs`. */
export function fakeServices(overrides: Partial<AppServices> = {}): AppServices & { logs: LogEntry[] } {
  const logs: LogEntry[] = [];
  return {
    scenariosDir: FIXTURE_SCENARIOS_DIR,
    env: 'test',
    allowedHosts: allowedHostsFor('127.0.0.1', []),
    trustProxy: false,
    log: (entry) => logs.push(entry),
    listScenarios: async () => [
      { name: 'central', fileName: 'central.yaml' },
      { name: 'pessimistic', fileName: 'pessimistic.yaml' },
    ],
    ...overrides,
    logs,
  };
}

export function testApp(overrides: Partial<AppServices> = {}): {
  app: express.Express;
  services: AppServices & { logs: LogEntry[] };
} {
  const services = fakeServices(overrides);
  return { app: createApp(services), services };
}
