/**
 * The layers are held one way by the linter (eslint.config.mjs): web -> report -> run -> scenario
 * -> model. A deliberately wrong-way import fails; the right way passes. Import cycles: the
 * linter's import-x/no-cycle refuses those made of value imports; the TypeScript compiler's own
 * reading of every file's imports finds the rest (type-only imports, which that rule skips).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers, held by the linter', () => {
  it('refuses the model importing from the run layer, and the run layer from the report', async () => {
    expect(
      await ruleIds("import { MODEL_VERSION } from '../run/version';\nexport const v = MODEL_VERSION;\n", 'src/model/wrong.ts'),
    ).toEqual([
      "no-restricted-imports: '../run/version' import is restricted from being used by a pattern. src/model may import only from its own layer and those below it (web -> report -> run -> scenario -> model).",
    ]);
    expect(await ruleIds("import { t } from '../report/messages';\nexport const m = t;\n", 'src/run/wrong.ts')).toHaveLength(1);
    expect(await ruleIds("import { createApp } from '../web/app';\nexport const a = createApp;\n", 'src/scenario/wrong.ts')).toHaveLength(
      1,
    );
  }, 120_000);

  it('lets a layer import from those below it', async () => {
    expect(await ruleIds("import { projectAll } from '../model/project';\nexport const p = projectAll;\n", 'src/run/right.ts')).toEqual([]);
    expect(
      await ruleIds("import { MODEL_VERSION } from '../run/version';\nexport const v = MODEL_VERSION;\n", 'src/report/right.ts'),
    ).toEqual([]);
  }, 30_000);
});

describe('no import cycles', () => {
  it('refuses a module importing one that imports it back', async () => {
    // project.ts imports time.ts, so time.ts importing project.ts closes a cycle.
    const found = await ruleIds("import { projectAll } from './project';\nexport const p = projectAll;\n", 'src/model/time.ts');
    expect(found.filter((m) => m.startsWith('import-x/no-cycle'))).toHaveLength(1);
  }, 60_000);

  it('has none in src, type-only imports included', () => {
    expect(importCycles(path.resolve('src'))).toEqual([]);
  });
});

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The import cycles among the files under `root`, each as its files (relative to root, sorted):
 * the strongly connected components of the graph of every import and re-export, `import type`
 * included, as TypeScript reads and resolves them (Tarjan's algorithm).
 */
function importCycles(root: string): string[][] {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false };
  const files = sourceFiles(root);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = imported.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      return resolved !== undefined && resolved.startsWith(root + path.sep) && !resolved.endsWith('.d.ts') ? [path.resolve(resolved)] : [];
    });
    edges.set(file, targets);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = (edges.get(file) ?? []).includes(file);
    if (component.length > 1 || selfImport) cycles.push(component.map((f) => path.relative(root, f)).sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}
