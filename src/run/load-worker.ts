/**
 * Loads a scenario in a short-lived child process (see load-task.ts) and rebuilds it here, so
 * the parser and validator (yaml, zod, mathjs) never load into this process. The benchmark uses
 * it so that its memory figure is the engine's, not the parser's.
 */
import { fork } from 'node:child_process';
import type { Override } from '../scenario/overrides';
import { fromPortable } from '../scenario/portable';
import type { LoadResult } from '../scenario/types';
import { workerBundle } from './bundle';
import type { PortableLoadResult } from './load-task';

/** loadScenario in a child process that ends when it is done. */
export async function loadScenarioInChild(text: string, file: string, overrides: Override[] = []): Promise<LoadResult> {
  const child = fork(workerBundle('load-task'), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = await new Promise<PortableLoadResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as PortableLoadResult));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the scenario loader stopped (exit code ${code})`)));
    child.send({ text, file, overrides });
  });
  child.kill();
  return result.ok ? { ok: true, scenario: fromPortable(result.scenario) } : result;
}
