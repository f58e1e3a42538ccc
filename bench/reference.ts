/**
 * Reference kernels for the benchmark: a far simpler, yearly version of the same model (six
 * years; starts x risk x effectiveness x escalation placements a year, each avoiding 52 weeks at
 * the weekly cost; a fixed contract cost; discounted at 3.5%), with four uncertain inputs, run
 * (a) as a hand-fused JavaScript loop, (b) with mathjs evaluating the formula per iteration,
 * (c) in NumPy when python3 with numpy is on the machine. They show what the machine does for
 * this kind of work, beside the full monthly model's figures.
 */
import { spawnSync } from 'node:child_process';
import { create, all } from 'mathjs';
import { createRng } from '../src/model/random/rng';
import { samplerFor } from '../src/model/random/sample';

const YEARS = 6;
const STARTS = 120;
const COST = 660_546;
const RATE = 0.035;

interface KernelResult {
  kernel: string;
  n: number;
  seconds: number;
  iterationsPerSecond: number;
  meanNpv: number;
}

const effectiveness = samplerFor({ dist: 'pert', min: 0.1, mode: 0.25, max: 0.5 });
const risk = samplerFor({ dist: 'pert', min: 0.15, mode: 0.25, max: 0.4 });
const escalation = samplerFor({ dist: 'pert', min: 0.1, mode: 0.2, max: 0.35 });
const weekly = samplerFor({ dist: 'pert', min: 4500, mode: 5631, max: 8000 });

/** Hand-fused loop: draw and compute in one pass, no allocation. */
export function fusedKernel(n: number): KernelResult {
  const rng = createRng(1);
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const saving = STARTS * risk(rng) * effectiveness(rng) * escalation(rng) * 52 * weekly(rng) - COST;
    let npv = 0;
    let factor = 1;
    for (let y = 0; y < YEARS; y++) {
      npv += saving * factor;
      factor /= 1 + RATE;
    }
    sum += npv;
  }
  const seconds = (performance.now() - start) / 1000;
  return { kernel: 'hand-fused JavaScript loop (yearly model)', n, seconds, iterationsPerSecond: n / seconds, meanNpv: sum / n };
}

/** mathjs evaluating the yearly formula per iteration (compiled once). */
export function mathjsKernel(n: number): KernelResult {
  if (all === undefined) throw new Error('mathjsKernel: mathjs has no factory list');
  const math = create(all);
  const formula = math.compile('sum(((starts * risk * eff * esc * 52 * weekly - cost) * (1 + rate) .^ -[0, 1, 2, 3, 4, 5]))');
  const rng = createRng(1);
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += formula.evaluate({
      starts: STARTS,
      risk: risk(rng),
      eff: effectiveness(rng),
      esc: escalation(rng),
      weekly: weekly(rng),
      cost: COST,
      rate: RATE,
    }) as number;
  }
  const seconds = (performance.now() - start) / 1000;
  return { kernel: 'mathjs formula per iteration (yearly model)', n, seconds, iterationsPerSecond: n / seconds, meanNpv: sum / n };
}

const NUMPY = `
import sys, time, json
import numpy as np
n = int(sys.argv[1])
rng = np.random.default_rng(1)
def pert(lo, mode, hi, size):
    a = 1 + 4 * (mode - lo) / (hi - lo); b = 1 + 4 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, size)
t = time.perf_counter()
saving = ${STARTS} * pert(.15, .25, .4, n) * pert(.1, .25, .5, n) * pert(.1, .2, .35, n) * 52 * pert(4500, 5631, 8000, n) - ${COST}
factors = (1 + ${RATE}) ** -np.arange(${YEARS})
npv = saving * factors.sum()
s = time.perf_counter() - t
print(json.dumps({"seconds": s, "meanNpv": float(npv.mean())}))
`;

/** NumPy, vectorised, when python3 and numpy are installed; null otherwise. */
export function numpyKernel(n: number): KernelResult | null {
  const run = spawnSync('python3', ['-c', NUMPY, String(n)], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return null;
  const { seconds, meanNpv } = JSON.parse(run.stdout.trim()) as { seconds: number; meanNpv: number };
  return { kernel: 'NumPy vectorised (yearly model)', n, seconds, iterationsPerSecond: n / seconds, meanNpv };
}
