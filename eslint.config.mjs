// Lint (npm run lint, run by .ci/run): typescript-eslint's recommended rules, and the layers held
// one way: web -> report -> run -> scenario -> model (store beside run, for web only). A file may
// import from its own layer and the layers below it, never above: the model knows nothing of
// scenarios, runs, reports or HTTP. No import cycles in src, type-only ones included
// (eslint-plugin-import-x's no-cycle, resolving TypeScript paths).
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The layers, lowest first; each may import only itself and those before it. */
const LAYERS = ['model', 'scenario', 'run', 'report', 'web'];

/** Import patterns a layer may not use: every layer above it (and the store, below web only). */
function forbiddenFor(layer) {
  const above = LAYERS.slice(LAYERS.indexOf(layer) + 1);
  const names = layer === 'web' ? [] : [...above, 'store'];
  return names.flatMap((name) => [`../${name}/*`, `../../${name}/*`, `../${name}`, `../../${name}`, `../../../${name}/*`]);
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'screenshots/**', 'public/vendor/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Published constants of numerical methods (Acklam, Wichura, Cheng) are written with every digit given.
    files: ['src/model/random/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['public/**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        getComputedStyle: 'readonly',
        matchMedia: 'readonly',
        requestAnimationFrame: 'readonly',
        HTMLElement: 'readonly',
        Chart: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        history: 'readonly',
      },
    },
  },
  ...LAYERS.filter((layer) => layer !== 'web').map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbiddenFor(layer),
              message: `src/${layer} may import only from its own layer and those below it (web -> report -> run -> scenario -> model).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../web/*', '../report/*', '../../web/*'], message: 'src/store serves web; it may not import web or report.' },
          ],
        },
      ],
    },
  },
);
