/**
 * The command line (shared/model.md section 13):
 *   npm run model -- FILE [--format table|json|csv] [--iterations N] [--seed S] [--set key.path=value ...]
 * Exit 0 on success, 1 when the scenario is invalid (every problem on stderr), 2 for a wrong command line.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resultsCsv } from './report/csv';
import { runScenario } from './run/analyse';
import { resultsTable } from './report/table';
import { loadScenario } from './scenario/load';
import { formatProblem } from './scenario/problems';
import { parseOverride, type Override } from './scenario/overrides';

const USAGE = 'usage: npm run model -- FILE [--format table|json|csv] [--iterations N] [--seed S] [--set key.path=value ...]';

class UsageError extends Error {}

interface CommandLine {
  file: string;
  format: 'table' | 'json' | 'csv';
  iterations?: number;
  seed?: number | string;
  overrides: Override[];
}

function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        iterations: { type: 'string' },
        seed: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give one scenario file' : `give one scenario file, not ${positionals.length}`);
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be table, json or csv, not "${format}"`);
  let iterations: number | undefined;
  if (values.iterations !== undefined) {
    iterations = Number(values.iterations);
    if (!/^\d+$/.test(values.iterations) || !Number.isSafeInteger(iterations) || iterations > 10_000_000) {
      throw new UsageError(`--iterations must be a whole number from 0 to 10,000,000, not "${values.iterations}"`);
    }
  }
  let seed: number | string | undefined;
  if (values.seed !== undefined) seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const overrides: Override[] = [];
  for (const text of values.set ?? []) {
    const override = parseOverride(text);
    if (typeof override === 'string') throw new UsageError(`--set ${text}: ${override}`);
    overrides.push(override);
  }
  return { file: positionals[0]!, format, iterations, seed, overrides };
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let command: CommandLine;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message ? `error: ${error.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(command.file, 'utf8');
  } catch (error) {
    err.write(`error: cannot read ${command.file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const loaded = loadScenario(text, command.file, command.overrides);
  if (!loaded.ok) {
    for (const problem of loaded.problems) err.write(formatProblem(problem) + '\n');
    err.write(`${command.file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; nothing was run.\n`);
    return 1;
  }
  const results = await runScenario(loaded.scenario, { iterations: command.iterations, seed: command.seed });
  if (command.format === 'json') out.write(JSON.stringify(results, null, 2) + '\n');
  else if (command.format === 'csv') out.write(resultsCsv(results));
  else out.write(resultsTable(results));
  return 0;
}

// Run only when started as a program (npm run model), not when imported by the tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
