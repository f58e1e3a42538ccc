/**
 * A load test against the real server on localhost, bounded in requests and time:
 *   npx tsx bench/load.ts [--concurrent 40] [--iterations 10000] [--million 1000000] [--deadline 240] [--burst 18]
 * Builds and starts the production server (`node dist/server.mjs`, an ephemeral port, a temporary
 * scenario folder, AUTH=none), samples its memory and polls /health throughout, and runs in turn:
 *   1. a small run from another client (127.0.0.2) alone: its normal time;
 *   2. the issue's links: 10 million simulations with ten extension years (refused at once, 422),
 *      and 1,000 simulations of a million referrals a year with process variability;
 *   3. a 256 kB upload of 13,000 keys, with /health timed while it is read;
 *   4. a burst of BURST expensive links (200,000 simulations each) from one client, and the small
 *      run from the other client during it: served within its normal time plus one run;
 *   5. CONCURRENT result requests at ITERATIONS iterations and one run of MILLION iterations (set in
 *      the scenario file: the web refuses more than 200,000 in a query).
 * Prints a JSON summary: status counts, latencies, /health latency p50/p95/max (and during the
 * upload), peak memory, and whether the server still answered afterwards. Linux only (/proc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
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
    burst: { type: 'string', default: '18' },
  },
});
const burst = Number(values.burst);
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
  return {
    count: sorted.length,
    p50: round(quantileSorted(sorted, 0.5)),
    p95: round(quantileSorted(sorted, 0.95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Resident and peak resident memory of a process, in megabytes. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function timedGet(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; ms: number; retryAfter: string | null; iterations?: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const iterations =
      response.status === 200 && url.includes('/results')
        ? (JSON.parse(body) as { options: { monteCarlo?: { iterations: number } }[] }).options[0]?.monteCarlo?.iterations
        : undefined;
    return {
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.get('retry-after'),
      ...(iterations === undefined ? {} : { iterations }),
    };
  } catch (error) {
    if (process.env.LOAD_DEBUG) console.error(url, error);
    return { status: 0, ms: performance.now() - started, retryAfter: null };
  }
}

/** A GET from `localAddress` (another client, as the server sees it), timed; the body kept. */
function getFrom(url: string, localAddress: string, timeoutMs: number): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(url, { localAddress, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, body: '' }));
    req.end();
  });
}

const round = (ms: number): number => Math.round(ms);

// The production build: compiled once, run with node (no tsx or esbuild in the server).
const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');

const folder = mkdtempSync(path.join(tmpdir(), 'load-'));
const central = readFileSync(path.join(ROOT, 'scenarios', 'class-central.yaml'), 'utf8');
writeFileSync(path.join(folder, 'class-central.yaml'), central);
writeFileSync(
  path.join(folder, 'million.yaml'),
  central.replace(/iterations: \d+/, `iterations: ${million}`).replace(/^name: .*$/m, 'name: A million iterations'),
);

const dataDir = mkdtempSync(path.join(tmpdir(), 'load-data-'));
const server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.mjs')], {
  cwd: ROOT,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'production',
    AUTH: 'none',
    SCENARIOS_DIR: folder,
    DATA_DIR: dataDir,
    ...(values.threads ? { RUN_THREADS: values.threads } : {}),
  },
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
const healthFrom = (from: number): number[] => healthLatencies.slice(from);

// 1. A small run from another client, alone (after the start-up warm-up has settled).
await new Promise((resolve) => setTimeout(resolve, 3_000));
const small = (seed: number): string => `${base}/api/scenarios/class-central/results?iterations=2000&seed=${seed}`;
await getFrom(small(0), '127.0.0.2', remaining()); // the first run of a fresh server pays for its workers' start
const alone = await getFrom(small(1), '127.0.0.2', remaining());

// 2. The issue's links.
const tooLarge = await getFrom(
  `${base}/scenarios/class-central?set=monte_carlo.iterations%3D10000000&set=contract.extensions.max_years%3D10`,
  '127.0.0.3',
  remaining(),
);
const manyChildren = await getFrom(
  `${base}/api/scenarios/class-central/results?iterations=1000&set=monte_carlo.process_variability%3Dtrue&set=service.referrals_per_year%3D1000000`,
  '127.0.0.3',
  remaining(),
);

// 3. A 256 kB upload of 13,000 keys, /health timed meanwhile.
const page = await getFrom(`${base}/scenarios/new`, '127.0.0.4', remaining());
const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
const keys = `${central}\nvariables:\n${Array.from({ length: 13_000 }, (_, i) => `  variable_number_${i}: ${i}`).join('\n')}\n`.slice(
  0,
  256 * 1024 - 2_000,
);
const healthBeforeUpload = healthLatencies.length;
const uploadStarted = performance.now();
const form = new FormData();
form.set('name', 'thirteen-thousand');
form.set('action', 'check');
form.set('file', new Blob([keys], { type: 'application/x-yaml' }), 'thirteen-thousand.yaml');
const upload = await fetch(`${base}/scenarios/save?_csrf=${encodeURIComponent(token)}`, {
  method: 'POST',
  body: form,
  headers: { 'X-CSRF-Token': token },
})
  .then(async (response) => ({ status: response.status, refusedForKeys: (await response.text()).includes('more than 2,000 keys') }))
  .catch(() => ({ status: 0, refusedForKeys: false }));
const uploadMs = performance.now() - uploadStarted;
await new Promise((resolve) => setTimeout(resolve, 300));
const healthDuringUpload = summary(healthFrom(healthBeforeUpload));

// 4. A burst of expensive links from one client, and the small run from another during it.
const burstStarted = performance.now();
const burstRuns = Array.from({ length: burst }, (_, i) =>
  timedGet(`${base}/api/scenarios/class-central/results?iterations=200000&seed=${5000 + i}`, remaining()),
);
await new Promise((resolve) => setTimeout(resolve, 500));
const during = await getFrom(small(2), '127.0.0.2', remaining());
const burstResults = await Promise.all(burstRuns);
const burstByStatus: Record<string, number> = {};
for (const { status } of burstResults) burstByStatus[status] = (burstByStatus[status] ?? 0) + 1;
const burstOk = burstResults
  .filter((r) => r.status === 200)
  .map((r) => r.ms)
  .sort((x, y) => x - y);
const oneRunMs = burstOk[0] ?? Number.NaN;
const burstSeconds = (performance.now() - burstStarted) / 1000;

// 5. The original load: many runs at once and a million-draw run.
const millionRun = timedGet(`${base}/api/scenarios/million/results?seed=1`, remaining());
await new Promise((resolve) => setTimeout(resolve, 200)); // the million-iteration run takes its thread first
const results = await Promise.all(
  Array.from({ length: concurrent }, (_, i) =>
    timedGet(`${base}/api/scenarios/class-central/results?iterations=${iterations}&seed=${1000 + i}`, remaining()),
  ),
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
rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      settings: {
        concurrent,
        iterations,
        million,
        burst,
        deadlineSeconds: deadlineMs / 1000,
        threads: values.threads ?? 'machine cores',
        runTimeoutMs: Number(process.env.RUN_TIMEOUT_MS ?? 120_000),
      },
      wallSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      smallRunAloneMs: { status: alone.status, ms: round(alone.ms) },
      issueLinks: {
        tenMillionTenYears: {
          status: tooLarge.status,
          ms: round(tooLarge.ms),
          refusal: /This run is too large: [^<]*/.exec(tooLarge.body)?.[0],
        },
        millionReferralsWithVariability: { status: manyChildren.status, seconds: Math.round(manyChildren.ms / 100) / 10 },
      },
      upload13000Keys: {
        bytes: Buffer.byteLength(keys),
        status: upload.status,
        refusedForKeys: upload.refusedForKeys,
        ms: round(uploadMs),
        healthMs: healthDuringUpload,
      },
      burstFromOneClient: {
        byStatus: burstByStatus,
        seconds: Math.round(burstSeconds * 10) / 10,
        oneRunMs: round(oneRunMs),
        otherClientSmallRun: { status: during.status, ms: round(during.ms), withinAloneplusOneRun: during.ms <= alone.ms + oneRunMs },
      },
      results: {
        byStatus,
        retryAfter: [...new Set(results.filter((r) => r.status === 503 || r.status === 429).map((r) => r.retryAfter))],
        latencyMs: {
          ok: summary(results.filter((r) => r.status === 200).map((r) => r.ms)),
          refused: summary(results.filter((r) => r.status === 503 || r.status === 429).map((r) => r.ms)),
        },
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
