// Micro-benchmark of the random module: npx tsx bench/random.ts
import type { Distribution } from '../src/model/distribution';
import { binomial, createRng, imanConover, latinHypercube, poisson, sampleInto } from '../src/model/random';

const count = 1_000_000;
const out = new Float64Array(count);

function time(label: string, run: () => void): void {
  run(); // warm up the JIT
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    runs.push(performance.now() - start);
  }
  console.log(
    `${label.padEnd(44)} ${Math.min(...runs)
      .toFixed(1)
      .padStart(7)} ms (best of 3)`,
  );
}

const rng = createRng(1);
time('rng() x 1e6', () => {
  for (let i = 0; i < count; i++) out[i] = rng();
});
const forms: Distribution[] = [
  { dist: 'uniform', min: 0, max: 1 },
  { dist: 'triangular', min: 0, mode: 1, max: 4 },
  { dist: 'pert', min: 0, mode: 1, max: 4 },
  { dist: 'beta', alpha: 0.5, beta: 0.5 },
  { dist: 'normal', mean: 0, sd: 1 },
  { dist: 'normal', mean: 0, sd: 1, min: 0.5, max: 3 },
  { dist: 'lognormal', low: 1, high: 10 },
  { dist: 'discrete', values: [1, 2, 3, 4, 5, 6, 7, 8] },
];
for (const d of forms) time(`sampleInto ${JSON.stringify(d)} x 1e6`.slice(0, 44), () => sampleInto(rng, d, out));
time('latinHypercube pert x 1e6', () => latinHypercube(rng, [forms[2]!], count, [out]));
time('latinHypercube normal x 1e6', () => latinHypercube(rng, [forms[4]!], count, [out]));
let sink = 0;
time('poisson(4) x 1e6', () => {
  for (let i = 0; i < count; i++) sink += poisson(rng, 4);
});
time('poisson(1000) x 1e6', () => {
  for (let i = 0; i < count; i++) sink += poisson(rng, 1000);
});
time('binomial(20, 0.3) x 1e6', () => {
  for (let i = 0; i < count; i++) sink += binomial(rng, 20, 0.3);
});
time('binomial(10000, 0.3) x 1e6', () => {
  for (let i = 0; i < count; i++) sink += binomial(rng, 10_000, 0.3);
});
const columns = Array.from({ length: 10 }, (_, j) => {
  const column = new Float64Array(100_000);
  sampleInto(rng, forms[j % forms.length]!, column);
  return column;
});
const target = columns.map((_, i) => columns.map((__, j) => (i === j ? 1 : 0.3)));
time('imanConover 10 columns x 1e5 rows', () => {
  imanConover(rng, columns, target);
});
if (sink === -1) console.log(sink);
