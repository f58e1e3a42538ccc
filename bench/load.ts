/**
 * A load test against the real server on localhost, bounded in requests and time:
 *   npx tsx bench/load.ts [--concurrent 40] [--iterations 10000] [--million 1000000] [--deadline 240]
 * Starts `src/server.ts` (production mode, an ephemeral port, a temporary scenario folder), then at
 * once fires CONCURRENT result requests (each a different seed, so none is shared) at ITERATIONS
 * iterations and one run of MILLION iterations (set in the scenario file: the web refuses more than
 * 200,000 in a query), while it polls /health and samples the server's memory. Prints a JSON summary:
 * status counts, result latencies, /health latency p50/p95/max, peak memory, and whether the server
 * still answered afterwards. Linux only (memory is read from /proc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    concurrent: { type: 'string', default: '40' },
    iterations: { type: 'string', default: '10000' },
    million: { type: 'string', default: '1000000' },
    deadline: { type: 'string', default: '240' },
    threads: { type: 'string' },
  },
});
const concurrent = Number(values.concurrent);
const iterations = Number(values.iterations);
const million = Number(values.million);
const deadlineMs = Number(values.deadline) * 1000;

/** The value at quantile q of sorted numbers (nearest rank). */
function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(latencies: number[]): { count: number; p50: number; p95: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { count: sorted.length, p50: round(quantileSorted(sorted, 0.5)), p95: round(quantileSorted(sorted, 0.95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

/** Resident and peak resident memory of a process, in megabytes. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function timedGet(url: string, timeoutMs: number): Promise<{ status: number; ms: number; retryAfter: string | null; iterations?: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const iterations = response.status === 200 && url.includes('/results') ? (JSON.parse(body) as { options: { monteCarlo?: { iterations: number } }[] }).options[0]?.monteCarlo?.iterations : undefined;
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('retry-after'), ...(iterations === undefined ? {} : { iterations }) };
  } catch (error) {
    if (process.env.LOAD_DEBUG) console.error(url, error);
    return { status: 0, ms: performance.now() - started, retryAfter: null };
  }
}

const folder = mkdtempSync(path.join(tmpdir(), 'load-'));
const central = readFileSync(path.join(ROOT, 'scenarios', 'class-central.yaml'), 'utf8');
writeFileSync(path.join(folder, 'class-central.yaml'), central);
writeFileSync(path.join(folder, 'million.yaml'), central.replace(/iterations: \d+/, `iterations: ${million}`).replace(/^name: .*$/m, 'name: A million iterations'));

const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'server.ts')], {
  cwd: ROOT,
  env: { ...process.env, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production', SCENARIOS_DIR: folder, ...(values.threads ? { RUN_THREADS: values.threads } : {}) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const pid = server.pid!;
let logLines = 0;
const base = await new Promise<string>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
  createInterface({ input: server.stdout! }).on('line', (line) => {
    logLines += 1;
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url.replace(/\/$/, ''));
      }
    } catch {
      // not a log line
    }
  });
  server.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
});

const startedAt = performance.now();
const idle = memoryOf(pid);
let peakRssMb = idle.rssMb;
let loadDone = false;
const sampler = setInterval(() => {
  peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
}, 100);

// /health, one request at a time, every 50 ms while the load runs.
const healthLatencies: number[] = [];
const healthStatuses: Record<string, number> = {};
const healthLoop = (async () => {
  while (!loadDone) {
    const { status, ms } = await timedGet(`${base}/health`, 10_000);
    healthLatencies.push(ms);
    healthStatuses[status] = (healthStatuses[status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
})();

const remaining = (): number => Math.max(1000, Math.round(deadlineMs - (performance.now() - startedAt)));
const millionRun = timedGet(`${base}/api/scenarios/million/results?seed=1`, remaining());
await new Promise((resolve) => setTimeout(resolve, 200)); // the million-iteration run takes its thread first
const results = await Promise.all(
  Array.from({ length: concurrent }, (_, i) => timedGet(`${base}/api/scenarios/class-central/results?iterations=${iterations}&seed=${1000 + i}`, remaining())),
);
const byStatus: Record<string, number> = {};
for (const { status } of results) byStatus[status] = (byStatus[status] ?? 0) + 1;
const million503 = await millionRun;
loadDone = true;
await healthLoop;
clearInterval(sampler);

const after = await timedGet(`${base}/api/scenarios/class-central/results?iterations=1000&seed=7`, 60_000);
const finalMemory = memoryOf(pid);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(folder, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      settings: { concurrent, iterations, million, deadlineSeconds: deadlineMs / 1000, threads: values.threads ?? 'machine cores', runTimeoutMs: Number(process.env.RUN_TIMEOUT_MS ?? 120_000) },
      wallSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      results: {
        byStatus,
        retryAfter: [...new Set(results.filter((r) => r.status === 503).map((r) => r.retryAfter))],
        latencyMs: { ok: summary(results.filter((r) => r.status === 200).map((r) => r.ms)), refused: summary(results.filter((r) => r.status === 503).map((r) => r.ms)) },
      },
      millionIterationRun: { status: million503.status, iterations: million503.iterations, seconds: Math.round(million503.ms / 100) / 10 },
      health: { byStatus: healthStatuses, latencyMs: summary(healthLatencies) },
      memoryMb: { idle: idle.rssMb, peakSampled: peakRssMb, peakKernel: finalMemory.peakMb, end: finalMemory.rssMb },
      afterLoad: { status: after.status, ms: Math.round(after.ms) },
      serverLogLines: logLines,
    },
    null,
    2,
  ),
);
