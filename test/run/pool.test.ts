import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/analyse';
import { monteCarloRequest, runMonteCarloInProcess } from '../../src/run/montecarlo';
import { BusyError, RunFailedError, RunPool, RunTimeoutError } from '../../src/run/pool';
import { loadScenario } from '../../src/scenario/load';

const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml');
if (!loaded.ok) throw new Error('bundled scenario invalid');
const scenario = loaded.scenario;
const pool = new RunPool({ threads: 2, maxQueue: 1, timeoutMs: 20_000, memoryMb: 96 });
afterAll(() => pool.destroy());

describe('the run pool', () => {
  it('gives the same figures on worker threads as in process (same seed, any split)', { timeout: 30_000 }, async () => {
    const request = monteCarloRequest(scenario, { iterations: 40_000, seed: 9 });
    const [onWorkers, inProcess] = await Promise.all([
      pool.monteCarlo(scenario, request),
      Promise.resolve(runMonteCarloInProcess(scenario, request)),
    ]);
    for (let k = 0; k < inProcess.length; k++) {
      expect(onWorkers[k]!.perspectives).toEqual(inProcess[k]!.perspectives);
      expect(onWorkers[k]!.tornado).toEqual(inProcess[k]!.tornado);
    }
  });

  it('gives the command-line results, with monitoring and the value of information', async () => {
    const monitored = loadScenario(
      readFileSync('scenarios/class-central-with-monitoring.yaml', 'utf8'),
      'class-central-with-monitoring.yaml',
    );
    if (!monitored.ok) throw new Error('bundled scenario invalid');
    const request = monteCarloRequest(monitored.scenario, { iterations: 3_000, seed: 4 });
    const [onWorkers, inProcess] = await Promise.all([
      pool.analyse(monitored.scenario, request),
      runScenario(monitored.scenario, { iterations: 3_000, seed: 4 }),
    ]);
    expect(onWorkers).toEqual(inProcess);
    expect(onWorkers.valueOfInformation).toBeDefined();
    expect((onWorkers.monitoring as { periods: unknown[] }).periods.length).toBeGreaterThan(0);
    expect(onWorkers.decision!.region!.options).toHaveLength(5);
    expect(onWorkers.updatedDecision).toEqual(inProcess.updatedDecision);
  }, 30_000);

  it('applies overrides on the workers too', async () => {
    const changed = loadScenario(scenario.text, scenario.file, [
      { text: 'outcomes.effectiveness=0.9', path: ['outcomes', 'effectiveness'], valueText: '0.9', valueColumn: 24 },
    ]);
    if (!changed.ok) throw new Error('override rejected');
    const request = monteCarloRequest(changed.scenario, { iterations: 2_000, seed: 1 });
    const [base, higher] = await Promise.all([pool.analyse(scenario, request), pool.analyse(changed.scenario, request)]);
    expect(higher.options[0]!.monteCarlo!.perspectives.region!.npv.mean).toBeGreaterThan(
      base.options[0]!.monteCarlo!.perspectives.region!.npv.mean,
    );
    expect(higher.scenario.hash).not.toBe(base.scenario.hash);
  });

  it('survives a worker that throws, exits or runs out of memory, and runs the next job', async () => {
    await expect(pool.runOne({ kind: 'crash', how: 'throw' })).rejects.toBeInstanceOf(RunFailedError);
    await expect(pool.runOne({ kind: 'crash', how: 'exit' })).rejects.toBeInstanceOf(RunFailedError);
    await expect(pool.runOne({ kind: 'crash', how: 'memory' })).rejects.toBeInstanceOf(RunFailedError);
    const after = await pool.analyse(scenario, monteCarloRequest(scenario, { iterations: 1_000, seed: 2 }));
    expect(after.options).toHaveLength(5);
    expect(after.options[4]!.monteCarlo!.iterations).toBe(1_000);
  }, 60_000);

  it('stops a run past its time limit and says so', async () => {
    // 1 s: the warm run after the stop includes starting a fresh worker, slow on a loaded machine.
    const quick = new RunPool({ threads: 1, timeoutMs: 1_000 });
    try {
      await expect(quick.runOne({ kind: 'crash', how: 'hang' })).rejects.toBeInstanceOf(RunTimeoutError);
      // and the pool still works
      await expect(quick.runOne({ kind: 'warm' })).resolves.toBeNull();
    } finally {
      await quick.destroy();
    }
  }, 30_000);

  it('refuses new runs as busy beyond its threads and queue', async () => {
    const small = new RunPool({ threads: 1, maxQueue: 1, timeoutMs: 800 });
    try {
      const running = [small.runOne({ kind: 'crash', how: 'hang' }), small.runOne({ kind: 'crash', how: 'hang' })];
      await expect(small.runOne({ kind: 'warm' })).rejects.toBeInstanceOf(BusyError);
      await Promise.allSettled(running);
    } finally {
      await small.destroy();
    }
  }, 30_000);
});
