/**
 * One measured Monte Carlo run in this process (npm run bench runs it in a child per scenario, so
 * each peak memory is its own): node --expose-gc dist/bench/one.mjs [--n N] [--scenario FILE] [--variability] [--threads T] [--verbose]
 * Runs the full Monte Carlo once on the worker pool and prints one JSON line:
 * {"scenario","n","computeSeconds","iterationsPerSecond","peakRssMb","meanNpv","p5Npv","p50Npv","p95Npv","probabilityNpvPositive","warmUpSeconds","cpuSeconds","threads","processVariability"}
 * for the headline option's region. computeSeconds excludes start-up: imports, starting the worker
 * threads and five warm-up runs of 20,000 (reported as warmUpSeconds) that let V8 compile the hot code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COMMAND_LINE_BUDGET } from '../src/run/cost';
import { monteCarloRequest } from '../src/run/montecarlo';
import { RunPool } from '../src/run/pool';
import { loadScenarioInChild } from '../src/run/load-worker';
import { formatProblem } from '../src/scenario/problems';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    scenario: { type: 'string', default: 'scenarios/class-central.yaml' },
    variability: { type: 'boolean', default: false },
    threads: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
/** Memory at each step, on stderr with --verbose. */
const note = (step: string): void => {
  if (values.verbose)
    console.error(
      `${step}: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
};
note('start');
const n = Number(values.n);
if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--n must be a whole number, not ${values.n}`);
const file = values.scenario!;
// Loaded in a child process, so the parser's memory is not counted in the engine's peak.
const loaded = await loadScenarioInChild(readFileSync(file, 'utf8'), file);
if (!loaded.ok) {
  for (const p of loaded.problems) console.error(formatProblem(p));
  process.exit(1);
}
const scenario = loaded.scenario;
note('scenario loaded');
const request = {
  ...monteCarloRequest(scenario, { iterations: n }),
  processVariability: values.variability! || scenario.monteCarlo.processVariability,
};

// The command line's budget: a benchmark may ask for more than the web allows (process variability at a million).
const pool = new RunPool({
  threads: values.threads ? Number(values.threads) : undefined,
  timeoutMs: 600_000,
  maxQueue: 4,
  budget: COMMAND_LINE_BUDGET,
});
await pool.warm();
note('workers started');
// Start-up also includes compiling the hot code: five runs of 20,000 first (other seeds), timed apart,
// as a server's workers are after their first few requests.
const warmStart = performance.now();
for (let run = 0; run < 5; run++)
  await pool.monteCarlo(scenario, { ...request, iterations: 20_000, seed: `${request.seed}-warm-up-${run}` });
const warmUpSeconds = (performance.now() - warmStart) / 1000;
// The warm-up runs' shared buffers are garbage now; collected (when node runs with --expose-gc, as
// npm run bench starts it) so the peak below is one run's, not the warm-ups' left over beside it.
// A shared buffer is freed only once every thread has let go of it, and the last threads do so
// a turn of the event loop after their task ends: collected again, a turn apart, until the main
// thread holds none (measured: 26 MB of the warm-ups' buffers were still held after one collection).
for (let round = 0; round < 10; round++) {
  (globalThis as { gc?: () => void }).gc?.();
  await pool.warm(); // and in each worker thread (task.ts: a 'warm' task collects when it can)
  if (process.memoryUsage().arrayBuffers < 1_048_576) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
note('workers warm');
const start = performance.now();
const cpuBefore = process.cpuUsage();
const results = await pool.monteCarlo(scenario, request);
const computeSeconds = (performance.now() - start) / 1000;
// CPU time of every thread in the process: the work done, whatever else the machine is running.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
note('run done');
await pool.destroy();
const headline = results[scenario.contract.take]!.perspectives.region!;
console.log(
  JSON.stringify({
    scenario: file,
    n,
    computeSeconds,
    iterationsPerSecond: n / computeSeconds,
    peakRssMb,
    meanNpv: headline.npv.mean,
    p5Npv: headline.npv.p5,
    p50Npv: headline.npv.p50,
    p95Npv: headline.npv.p95,
    probabilityNpvPositive: headline.probabilityNpvPositive,
    warmUpSeconds,
    cpuSeconds,
    threads: pool.threads,
    processVariability: request.processVariability,
  }),
);
