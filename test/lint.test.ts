/**
 * The layers are held one way by the linter (eslint.config.mjs): web -> report -> run -> scenario
 * -> model. A deliberately wrong-way import fails; the right way passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers, held by the linter', () => {
  it('refuses the model importing from the run layer, and the run layer from the report', async () => {
    expect(await ruleIds("import { MODEL_VERSION } from '../run/version';\nexport const v = MODEL_VERSION;\n", 'src/model/wrong.ts')).toEqual([
      "no-restricted-imports: '../run/version' import is restricted from being used by a pattern. src/model may import only from its own layer and those below it (web -> report -> run -> scenario -> model).",
    ]);
    expect(await ruleIds("import { t } from '../report/messages';\nexport const m = t;\n", 'src/run/wrong.ts')).toHaveLength(1);
    expect(await ruleIds("import { createApp } from '../web/app';\nexport const a = createApp;\n", 'src/scenario/wrong.ts')).toHaveLength(1);
  }, 30_000);

  it('lets a layer import from those below it', async () => {
    expect(await ruleIds("import { projectAll } from '../model/project';\nexport const p = projectAll;\n", 'src/run/right.ts')).toEqual([]);
    expect(await ruleIds("import { MODEL_VERSION } from '../run/version';\nexport const v = MODEL_VERSION;\n", 'src/report/right.ts')).toEqual([]);
  }, 30_000);
});
