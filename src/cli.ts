/**
 * The command line (shared/model.md section 13):
 *   npm run model -- FILE [--format table|json|csv] [--iterations N] [--seed S] [--set key.path=value ...] [--lang cy|en]
 * Tables, CSV headers and messages are in the language of `--lang`, else of the environment
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`: `cy_GB.UTF-8` gives Welsh), else English; JSON keys stay English.
 * Exit 0 on success, 1 when the scenario is invalid (every problem on stderr), 2 for a wrong command line.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resultsCsv } from './report/csv';
import { runScenario } from './run/analyse';
import { COMMAND_LINE_BUDGET, runRefusal } from './run/cost';
import { costRefusalText } from './report/refusals';
import { monteCarloRequest } from './run/montecarlo';
import { problemMessage } from './report/problemWords';
import { DEFAULT_LOCALE, isLocale, LOCALES, t, tPlural, withLocale, type Locale } from './report/messages';
import { resultsTable } from './report/table';
import { loadScenario } from './scenario/load';
import { formatProblem } from './scenario/problems';
import { parseOverride, type Override } from './scenario/overrides';

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
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (values.lang !== undefined && !isLocale(values.lang))
    throw new UsageError(t('cli.lang', { value: values.lang, languages: LOCALES.join(', ') }));
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? t('cli.oneFile') : t('cli.oneFileNotMany', { count: positionals.length }));
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new UsageError(t('cli.format', { value: String(format) }));
  let iterations: number | undefined;
  if (values.iterations !== undefined) {
    iterations = Number(values.iterations);
    if (!/^\d+$/.test(values.iterations) || !Number.isSafeInteger(iterations) || iterations > 10_000_000) {
      throw new UsageError(t('cli.iterations', { value: values.iterations }));
    }
  }
  let seed: number | string | undefined;
  if (values.seed !== undefined) seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const overrides: Override[] = [];
  for (const text of values.set ?? []) {
    const override = parseOverride(text);
    if (typeof override === 'string') throw new UsageError(`--set ${text}: ${problemMessage(override)}`);
    overrides.push(override);
  }
  return { file: positionals[0]!, format, iterations, seed, overrides };
}

/** The environment's language setting ("cy_GB.UTF-8"), by the POSIX order: LC_ALL, then LC_MESSAGES, then LANG. */
function environmentLanguage(env: NodeJS.ProcessEnv): string {
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
}

/**
 * The language of a run: `--lang` (or `--lang=`) when it names one, else Welsh when the
 * environment's setting starts with `cy`, else English. Read before the rest of the command line,
 * so its mistakes are told in that language too.
 * @example commandLineLocale(['a.yaml', '--lang', 'cy'], {}) // "cy"
 * @example commandLineLocale(['a.yaml'], { LANG: 'cy_GB.UTF-8' }) // "cy"
 * @example commandLineLocale(['a.yaml'], { LC_ALL: 'en_GB.UTF-8', LANG: 'cy_GB.UTF-8' }) // "en"
 */
export function commandLineLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const at = argv.indexOf('--lang');
  const given = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  if (given !== undefined && isLocale(given)) return given;
  return /^cy([_.@-]|$)/i.test(environmentLanguage(env)) ? 'cy' : DEFAULT_LOCALE;
}

/** Runs the command line in its language (`--lang`, else the environment); returns the exit code. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return withLocale(commandLineLocale(argv, env), () => runCommandLine(argv, out, err));
}

async function runCommandLine(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let command: CommandLine;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message ? `${t('cli.error', { message: error.message })}\n` : ''}${t('cli.usage')}\n${t('cli.usageLang')}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(command.file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('cli.noSuchFile') : (error as Error).message;
    err.write(`${t('cli.error', { message: t('cli.cannotRead', { file: command.file, reason }) })}\n${t('cli.usage')}\n`);
    return 2;
  }
  const loaded = loadScenario(text, command.file, command.overrides);
  if (!loaded.ok) {
    // The scenario layer words problems in English; they are worded again in the run's language.
    for (const problem of loaded.problems) err.write(formatProblem({ ...problem, message: problemMessage(problem.message) }) + '\n');
    const count = loaded.problems.length;
    err.write(t('cli.problems', { file: command.file, count, problems: tPlural('cli.problem', count) }) + '\n');
    return 1;
  }
  // Things worth saying that do not stop the run (section 16's entries outside the horizon, a map on a fixed input).
  for (const warning of loaded.scenario.warnings)
    err.write(formatProblem({ ...warning, message: t('cli.warning', { message: problemMessage(warning.message) }) }) + '\n');
  // A run past the command line's budget is refused with the setting to lower, as an invalid scenario is (exit 1).
  const refusal = runRefusal(
    loaded.scenario,
    monteCarloRequest(loaded.scenario, { iterations: command.iterations, seed: command.seed }),
    COMMAND_LINE_BUDGET,
    { keepsEveryDraw: true },
  );
  if (refusal !== undefined) {
    err.write(`${command.file}: ${costRefusalText(refusal)}\n`);
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
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
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
