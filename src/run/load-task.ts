/**
 * Loading a scenario on a worker thread: parsing and validation (yaml, zod, mathjs) stay off the
 * calling thread, and their memory goes when the worker ends. The result crosses back as plain data.
 * The run pool's threads call checkProblems from this bundle too, so a thread that only runs
 * simulations never loads the parser.
 */
import { loadScenario } from '../scenario/load';
import type { Override } from '../scenario/overrides';
import { toPortable, type PortableScenario } from '../scenario/portable';
import type { Problem } from '../scenario/types';

export interface LoadTask {
  text: string;
  file: string;
  overrides: Override[];
}

export type PortableLoadResult = { ok: true; scenario: PortableScenario } | { ok: false; problems: Problem[] };

/** The problems of a scenario's text as loadScenario finds them (none when it loads): the pool's 'check'. */
export function checkProblems({ text, fileName }: { text: string; fileName: string }): Problem[] {
  const loaded = loadScenario(text, fileName);
  return loaded.ok ? [] : loaded.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, path: p.path, message: p.message }));
}

/** Loads the scenario and returns it as plain data. */
export function loadTask(task: LoadTask): PortableLoadResult {
  const loaded = loadScenario(task.text, task.file, task.overrides);
  return loaded.ok ? { ok: true, scenario: toPortable(loaded.scenario) } : loaded;
}

// Run as a child process (load-worker.ts): answer one message, then end.
if (process.argv.includes('--child') && process.send) {
  process.once('message', (task) => {
    process.send!(loadTask(task as LoadTask), () => process.exit(0));
  });
}
