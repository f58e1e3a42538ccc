/**
 * What the command-line tests share: running `main` with its output captured, and two small
 * scenario files (one that runs, one with four mistakes).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the command line with `argv` (and `env` for its language), capturing what it writes. */
export async function runCli(argv: readonly string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main([...argv], out, err, env);
  return { code, out: out.text, err: err.text };
}

/** Writes the two files into a new temporary folder and gives their paths. */
export function cliScenarioFiles(): { good: string; broken: string } {
  const folder = mkdtempSync(join(tmpdir(), 'cli-'));
  const good = join(folder, 'one.yaml');
  // One month, one child, one placement of 52 weeks at £1,000 (worked by hand in test/model/project.test.ts).
  writeFileSync(
    good,
    `name: One child
contract: { start: 2025-04-01, base_end: 2025-04-30, annual_value: 12000 }
service: { referrals_per_year: 12, capacity: { starts_per_year: 12 } }
outcomes:
  breakdown_risk: 1
  effectiveness: 1
  residential_escalation: 1
  residential_weeks: 52
  residential_weekly_cost: 1000
`,
  );
  const broken = join(folder, 'broken.yaml');
  writeFileSync(
    broken,
    `name: Broken
contract: { start: 2025-04-01, base_end: 2025-04-30, annual_value: "£1,000" }
service: { referrals_per_year: 12, capacity: { starts_per_year: 12 } }
outcomes:
  breakdown_rsk: 1
  effectiveness: 1.2
  residential_escalation: 1
  residential_weeks: 52
  residential_weekly_cost: 1000
`,
  );
  return { good, broken };
}
