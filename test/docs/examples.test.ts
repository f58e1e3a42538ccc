/**
 * The examples in the doc comments, run. Every example in src/**\/*.ts of one of the two forms
 *
 *   @example formatMoneyShort(310000) // "£310k"
 *   placementsNeeded(3, 450_000, 300_000) -> 4.5
 *
 * whose call has only literal arguments (numbers, strings, true/false/null, arrays and objects of
 * them), whose function the file exports, and whose stated result is a literal is called and
 * compared with what it states: strings exactly, numbers to the decimals shown (to the significant
 * digits shown in e-notation), arrays element by element, objects key by key for the keys shown
 * ("..." in an array or object: the rest is not stated; a string ending "...": how it starts).
 * The result may stand on the lines after an @example, each starting "//". Float64Array.of(...)
 * and new Date('...') count as literals. A call may be followed by `(args)`, `.name`,
 * `[0]` and `.method(literals)`. The others (a variable or a function as an argument, a sentence
 * as the result, a function the file does not export) are listed with the reason, and the count
 * that runs is held at or above RUNNABLE_AT_LEAST, so an example cannot quietly stop running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Examples that run (measured when this test was written: 160 of the 251 found). */
const RUNNABLE_AT_LEAST = 160;

const SRC = path.resolve('src');
/** Files never imported here: the one that listens. */
const NOT_IMPORTED = new Set(['server.ts']);

interface Example {
  /** "src/report/format.ts:81" */
  where: string;
  file: string;
  text: string;
  call?: { fn: string; args: unknown[]; chain: Link[] };
  expected?: Stated;
  /** Why it cannot run, when it cannot. */
  skip?: string;
}

type Link =
  | { kind: 'property'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'method'; name: string; args: unknown[] }
  | { kind: 'call'; args: unknown[] };

/** A stated result: a value, with the decimals shown for numbers and whether arrays/objects are partial. */
type Stated =
  | { kind: 'number'; value: number; decimals: number; significant: number | null }
  | { kind: 'array'; items: Stated[]; partial: boolean }
  | { kind: 'object'; entries: [string, Stated][] }
  | { kind: 'other'; value: unknown };

class NotLiteral extends Error {}

const TYPED_ARRAYS: Record<string, { from(values: number[]): unknown }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
};

/** The value of a literal expression; throws NotLiteral for anything else. */
function literalValue(node: ts.Expression): unknown {
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  if (ts.isNumericLiteral(node)) return Number(node.text.replaceAll('_', ''));
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node) && node.text === 'undefined') return undefined;
  if (ts.isIdentifier(node) && node.text === 'Infinity') return Infinity;
  if (ts.isIdentifier(node) && node.text === 'NaN') return NaN;
  if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken)) {
    const value = literalValue(node.operand);
    if (typeof value !== 'number') throw new NotLiteral('a sign on a non-number');
    return node.operator === ts.SyntaxKind.MinusToken ? -value : value;
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literalValue(e));
  // Float64Array.of(1, 2) and new Date('2026-03-03') are data written out too.
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.name.text === 'of'
  ) {
    const typed = TYPED_ARRAYS[node.expression.expression.text];
    if (typed !== undefined) return typed.from(node.arguments.map((a) => literalValue(a) as number));
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && node.arguments?.length === 1)
    return new Date(literalValue(node.arguments[0]!) as string);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((p) => {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)))
          throw new NotLiteral('not a plain property');
        return [p.name.text, literalValue(p.initializer)];
      }),
    );
  }
  throw new NotLiteral(`not a literal: ${ts.SyntaxKind[node.kind]}`);
}

function parseExpression(text: string): ts.Expression | null {
  const source = ts.createSourceFile('example.ts', `(${text});`, ts.ScriptTarget.Latest, true);
  const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  const statement = source.statements[0];
  if (diagnostics.length > 0 || source.statements.length !== 1 || statement === undefined || !ts.isExpressionStatement(statement))
    return null;
  const expression = statement.expression;
  return ts.isParenthesizedExpression(expression) ? expression.expression : expression;
}

/** The call and what follows it, when every argument is a literal; else the reason it is not. */
function parseCall(text: string): Example['call'] | string {
  const expression = parseExpression(text);
  if (expression === null) return 'not an expression';
  try {
    return callOf(expression);
  } catch (error) {
    if (error instanceof NotLiteral) return 'an argument is not a literal';
    throw error;
  }
}

function callOf(expression: ts.Expression): Example['call'] | string {
  const chain: Link[] = [];
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      chain.unshift({ kind: 'property', name: node.name.text });
      node = node.expression;
    } else if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) {
      chain.unshift({ kind: 'index', index: Number(node.argumentExpression.text) });
      node = node.expression;
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      chain.unshift({ kind: 'method', name: node.expression.name.text, args: node.arguments.map((a) => literalValue(a)) });
      node = node.expression.expression;
    } else if (ts.isCallExpression(node) && ts.isCallExpression(node.expression)) {
      chain.unshift({ kind: 'call', args: node.arguments.map((a) => literalValue(a)) });
      node = node.expression;
    } else break;
  }
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return 'not a call of a named function';
  return { fn: node.expression.text, args: node.arguments.map((a) => literalValue(a)), chain };
}

/** The end of a literal that starts `text` (a string, number, word or bracketed value), or -1. */
function literalEnd(text: string): number {
  const first = text[0];
  if (first === '"' || first === "'") {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === first) return i + 1;
    }
    return -1;
  }
  if (first === '[' || first === '{') {
    let depth = 0;
    let quote: string | null = null;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote !== null) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  const match = /^(-?(?:\d[\d_]*(?:\.\d+)?(?:e[-+]?\d+)?|Infinity)|NaN|true|false|null|undefined)(?!\w|\.\w)/i.exec(text);
  return match ? match[0].length : -1;
}

/** What a stated number, array or object says, with the precision shown. */
function stated(node: ts.Expression): Stated {
  if (ts.isParenthesizedExpression(node)) return stated(node.expression);
  if (ts.isArrayLiteralExpression(node)) {
    const partial = node.elements.some((e) => ts.isSpreadElement(e) || ts.isOmittedExpression(e));
    return {
      kind: 'array',
      items: node.elements.filter((e) => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e)).map((e) => stated(e)),
      partial,
    };
  }
  if (ts.isObjectLiteralExpression(node)) {
    return {
      kind: 'object',
      entries: node.properties.flatMap((p): [string, Stated][] => {
        if (ts.isSpreadAssignment(p)) return [];
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)))
          throw new NotLiteral('not a plain property');
        return [[p.name.text, stated(p.initializer)]];
      }),
    };
  }
  const value = literalValue(node);
  if (typeof value === 'number' && Number.isFinite(value)) {
    const digits = node.getText().replace(/^[-+]/, '').replaceAll('_', '');
    const exponent = /^(\d+)(?:\.(\d+))?e/i.exec(digits);
    if (exponent) return { kind: 'number', value, decimals: 0, significant: exponent[1]!.length + (exponent[2]?.length ?? 0) };
    return { kind: 'number', value, decimals: digits.split('.')[1]?.length ?? 0, significant: null };
  }
  return { kind: 'other', value };
}

/**
 * The stated result at the start of `text`: a literal followed by nothing, a remark in brackets,
 * or a comma or semicolon and more; else the reason it is not one. "..." inside an array or an
 * object says the rest is not stated.
 */
function parseStated(text: string): Stated | string {
  const trimmed = text.trim();
  const end = literalEnd(trimmed);
  if (end < 0) return 'the result is not a literal';
  const rest = trimmed.slice(end).trim();
  if (rest !== '' && !/^[(,;]/.test(rest) && !/^\.(\s|$)/.test(rest)) return 'the result is not a literal';
  const literal = trimmed.slice(0, end).replace(/,?\s*\.\.\.\s*(?=[\]}])/g, ', ...__rest');
  const expression = parseExpression(literal.replace(/\.\.\.__rest/g, '...[]'));
  if (expression === null) return 'the result is not a literal';
  try {
    return stated(expression);
  } catch (error) {
    if (error instanceof NotLiteral) return 'the result is not a literal';
    throw error;
  }
}

/** Splits "call // result" at the first " // " outside a string. */
function splitAtComment(text: string): [string, string | null] {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (text.startsWith(' // ', i) || (text.startsWith(' //', i) && i + 3 === text.length))
      return [text.slice(0, i).trim(), text.slice(i + 3).trim()];
  }
  return [text.trim(), null];
}

/** The start of the call that ends just before `end` (its name and bracketed arguments), or -1. */
function callStart(line: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && line[i] === ' ') i--;
  if (line[i] !== ')') return -1;
  let depth = 0;
  let quote: string | null = null;
  for (; i >= 0; i--) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote && line[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      depth--;
      if (depth === 0) break;
    }
  }
  // A call of what a call returns, createRng(42)(): take in the call before too.
  if (i > 0 && line[i - 1] === ')') return callStart(line, i);
  let start = i;
  while (start > 0 && /[\w$]/.test(line[start - 1]!)) start--;
  return start;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every example in the doc comments of `file`. */
function examplesIn(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const found: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    const lines = comment[0].split('\n').map((raw) => raw.replace(/^\s*\/?\*\*?\s?/, '').replace(/\s*\*\/\s*$/, ''));
    lines.forEach((line, offset) => {
      const where = `${path.relative(process.cwd(), file)}:${firstLine + offset}`;
      const example = /@example\s+(.*)$/.exec(line);
      if (example) {
        const [callText, sameLine] = splitAtComment(example[1]!);
        // Or the result on the lines after, each starting "//".
        const following: string[] = [];
        for (let next = offset + 1; sameLine === null && /^\s*\/\/\s?/.test(lines[next] ?? ''); next++)
          following.push(lines[next]!.replace(/^\s*\/\/\s?/, '').trim());
        const resultText = sameLine ?? (following.length > 0 ? following.join(' ') : null);
        found.push(
          parsed({ where, file, text: resultText === sameLine ? example[1]! : `${callText} // ${resultText}` }, callText, resultText),
        );
        return;
      }
      for (const arrow of line.matchAll(/\)\s*->\s*/g)) {
        const end = arrow.index + 1;
        const start = callStart(line, end);
        const callText = start < 0 ? '' : line.slice(start, end);
        const resultText = line.slice(arrow.index + arrow[0].length);
        found.push(parsed({ where, file, text: `${callText || line.slice(0, end).trim()} -> ${resultText}` }, callText, resultText));
      }
    });
  }
  return found;
}

function parsed(example: Example, callText: string, resultText: string | null): Example {
  if (resultText === null || resultText === '') return { ...example, skip: 'no stated result' };
  const call = parseCall(callText);
  if (typeof call === 'string') return { ...example, skip: call };
  const expected = parseStated(resultText);
  if (typeof expected === 'string') return { ...example, skip: expected };
  return { ...example, call, expected };
}

/** Compares `actual` with what is stated; returns the first difference, or null. */
function difference(actual: unknown, expected: Stated, at = ''): string | null {
  switch (expected.kind) {
    case 'number': {
      if (typeof actual !== 'number') return `${at || 'result'}: expected a number, got ${JSON.stringify(actual)}`;
      const same =
        expected.significant !== null
          ? Number(actual.toPrecision(expected.significant)) === expected.value
          : Math.abs(actual - expected.value) <= 0.5 * 10 ** -expected.decimals * (1 + 1e-9) + 1e-12;
      return same ? null : `${at || 'result'}: stated ${expected.value}, got ${actual}`;
    }
    case 'array': {
      if (ArrayBuffer.isView(actual)) actual = Array.from(actual as Float64Array);
      if (!Array.isArray(actual)) return `${at || 'result'}: expected an array, got ${JSON.stringify(actual)}`;
      if (!expected.partial && actual.length !== expected.items.length)
        return `${at || 'result'}: stated ${expected.items.length} items, got ${actual.length}`;
      for (const [i, item] of expected.items.entries()) {
        const found = difference(actual[i], item, `${at}[${i}]`);
        if (found !== null) return found;
      }
      return null;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `${at || 'result'}: expected an object, got ${JSON.stringify(actual)}`;
      for (const [key, value] of expected.entries) {
        const found = difference((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
        if (found !== null) return found;
      }
      return null;
    }
    case 'other':
      // A string stated as "property access ..." gives how it starts.
      if (typeof expected.value === 'string' && expected.value.endsWith('...') && typeof actual === 'string') {
        return actual.startsWith(expected.value.slice(0, -3))
          ? null
          : `${at || 'result'}: stated ${JSON.stringify(expected.value)}, got ${JSON.stringify(actual)}`;
      }
      return Object.is(actual, expected.value)
        ? null
        : `${at || 'result'}: stated ${JSON.stringify(expected.value)}, got ${JSON.stringify(actual)}`;
  }
}

function follow(value: unknown, chain: readonly Link[]): unknown {
  let current = value;
  for (const link of chain) {
    const holder = current as Record<string | number, unknown>;
    if (link.kind === 'property') current = holder[link.name];
    else if (link.kind === 'index') current = holder[link.index];
    else if (link.kind === 'call') current = (current as (...args: unknown[]) => unknown)(...link.args);
    else current = (holder[link.name] as (...args: unknown[]) => unknown).apply(holder, link.args);
  }
  return current;
}

const files = sourceFiles(SRC).filter((file) => !NOT_IMPORTED.has(path.relative(SRC, file)));
const examples = files.flatMap(examplesIn);

/** Those whose function the file does not export are not runnable either. */
const exportsOf = new Map<string, Set<string>>();
function exported(file: string): Set<string> {
  let names = exportsOf.get(file);
  if (names === undefined) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    names = new Set<string>();
    for (const statement of source.statements) {
      const isExported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (isExported && ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
      if (isExported && ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause))
        for (const e of statement.exportClause.elements) names.add(e.name.text);
    }
    exportsOf.set(file, names);
  }
  return names;
}
for (const example of examples)
  if (example.call && !exported(example.file).has(example.call.fn)) example.skip = `${example.call.fn} is not exported by its file`;

const runnable = examples.filter((e) => e.skip === undefined);
const notRunnable = examples.filter((e) => e.skip !== undefined);

describe('doc examples', () => {
  it(`runs at least ${RUNNABLE_AT_LEAST} of them; the rest are listed with the reason`, () => {
    console.info(
      `${runnable.length} doc examples run, ${notRunnable.length} cannot:\n${notRunnable.map((e) => `  ${e.where}  ${e.skip}: ${e.text}`).join('\n')}`,
    );
    expect(notRunnable.every((e) => e.skip !== '')).toBe(true);
    expect(runnable.length).toBeGreaterThanOrEqual(RUNNABLE_AT_LEAST);
  });

  it('fails an example that states the wrong result, and passes one rounded as shown', () => {
    // placementsNeeded(3, 450_000, 300_000) is 3 x 300,000 / 450,000 = 2 (by hand).
    expect(difference(2, parseStated('4.5') as Stated)).toBe('result: stated 4.5, got 2');
    expect(difference(2, parseStated('2 (3 placements avoid 450,000)') as Stated)).toBeNull();
    expect(difference(0.57735, parseStated('0.5774') as Stated)).toBeNull();
    expect(difference(0.5775, parseStated('0.5774') as Stated)).not.toBeNull();
    expect(difference(2.33e-8, parseStated('2.33e-8 (z = 5.46)') as Stated)).toBeNull();
    expect(difference({ mean: 2, sem: 0.57735, n: 3 }, parseStated('{ mean: 2, sem: 0.5774 }') as Stated)).toBeNull();
    expect(difference([1, 2, 3], parseStated('[1, 2]') as Stated)).toBe('result: stated 2 items, got 3');
    expect(difference([1, 2, 3], parseStated('[1, 2, ...]') as Stated)).toBeNull();
    expect(parseStated('1 / 1.035')).toBe('the result is not a literal');
    expect(parseStated('12 hex digits')).toBe('the result is not a literal');
    expect(parseCall("navigationFor('/', t)[1].href")).toBe('an argument is not a literal');
  });

  it.each(runnable.map((e) => [`${e.where}  ${e.text}`, e] as const))('%s', async (_name, example) => {
    const module = (await import(example.file)) as Record<string, unknown>;
    const fn = module[example.call!.fn] as (...args: unknown[]) => unknown;
    expect(typeof fn).toBe('function');
    const actual = follow(await fn(...example.call!.args), example.call!.chain);
    expect(difference(actual, example.expected!)).toBeNull();
  });
});
