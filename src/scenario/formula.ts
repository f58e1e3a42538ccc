/**
 * Formulas over a scenario's variables (shared/model.md section 11): the only module that imports
 * mathjs, and it only uses mathjs's parser. The parsed tree is checked against an allow-list
 * (numbers, declared variables, + - * / ^, brackets and min, max, round, floor, ceil, abs, sqrt,
 * exp, log) and turned into plain closures, once.
 *
 * Both `evaluate` and `evaluateColumns` run the same closures over the same Math functions, so
 * the deterministic run and a Monte Carlo iteration with the same draws agree to the last bit.
 * mathjs's own evaluator is not used because its number semantics differ from Math in ways that
 * would make the two disagree: round(0.49999999999999994) is 1, floor and ceil snap to nearby
 * integers, and (-8)^(1/3) is -2.
 */
import * as mathjs from 'mathjs/number';
import type { MathNode } from 'mathjs';
import { formulaFromExpression, OPERATOR_OF, type Expression, type UnaryName } from './expression';
import type { Formula } from './types';

// Only the parser is built (the number-only entry loads a third less than the full library).
const { parseDependencies } = mathjs;
if (parseDependencies === undefined) throw new Error('formula: mathjs/number has no parseDependencies');
const math = mathjs.create({ parseDependencies });

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 500;
/** Deepest nesting of operations accepted. */
export const MAX_FORMULA_DEPTH = 30;

/** min and max take one or more arguments; log takes an optional base. */
const ALLOWED_FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs', 'sqrt', 'exp', 'log'] as const;

const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  '!': 'factorial',
  mod: 'remainder',
  '%': 'remainder',
  "'": 'transpose',
  to: 'unit conversion',
  in: 'unit conversion',
  and: 'logic',
  or: 'logic',
  xor: 'logic',
  not: 'logic',
  '==': 'comparison',
  '!=': 'comparison',
  '<': 'comparison',
  '>': 'comparison',
  '<=': 'comparison',
  '>=': 'comparison',
  '&': 'bitwise',
  '|': 'bitwise',
  '~': 'bitwise',
  '^|': 'bitwise',
  '<<': 'bit shift',
  '>>': 'bit shift',
  '>>>': 'bit shift',
  '.*': 'element-wise',
  './': 'element-wise',
  '.^': 'element-wise',
  '??': 'nullish',
};

const KEYWORDS = new Set(['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'end']);

/**
 * True when a name cannot be a variable because mathjs gives it a meaning (a function, a
 * constant, a unit keyword). isReservedName('sqrt') -> true; isReservedName('e') -> true;
 * isReservedName('share') -> false
 */
export function isReservedName(name: string): boolean {
  return KEYWORDS.has(name) || Object.hasOwn(mathjs, name) || name in math;
}

/** A mistake in a formula: what is wrong and where, as a 0-based offset into the text. */
export interface FormulaError {
  message: string;
  offset: number;
}

class FormulaRejected extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a name first appears as a whole word, or 0. */
function offsetOfName(source: string, name: string, followedBy = ''): number {
  const match = new RegExp(`(?<![\\p{L}\\p{N}_$.])${escapeRegExp(name)}(?![\\p{L}\\p{N}_$])${followedBy}`, 'u').exec(source);
  return match?.index ?? 0;
}

/** Where a piece of text first appears, or 0. */
function offsetOf(source: string, ...texts: string[]): number {
  const found = texts.map((text) => source.indexOf(text)).filter((index) => index >= 0);
  return found.length === 0 ? 0 : Math.min(...found);
}

interface CheckContext {
  source: string;
  declared: ReadonlySet<string>;
  used: Set<string>;
}

function reject(message: string, offset: number): never {
  throw new FormulaRejected(message, offset);
}

function unknownName(name: string, context: CheckContext): never {
  const declared = [...context.declared].sort();
  const known = declared.length === 0 ? 'no variables are declared (add them under `variables:`)' : `variables are: ${declared.join(', ')}`;
  return reject(`unknown name \`${name}\`; ${known}`, offsetOfName(context.source, name));
}

function checkConstant(value: unknown, context: CheckContext): Expression {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) reject('a number in the formula is too large', 0);
    return { kind: 'constant', value };
  }
  if (typeof value === 'string') return reject('text in quotes is not allowed in a formula', offsetOf(context.source, '"', "'"));
  return reject(
    `\`${String(value)}\` is not allowed in a formula; formulas work with numbers only`,
    offsetOfName(context.source, String(value)),
  );
}

function checkOperator(
  node: MathNode & { op: string; args: MathNode[]; implicit: boolean; isPercentage?: boolean },
  depth: number,
  context: CheckContext,
): Expression {
  if (node.implicit) return reject('write `*` between factors; implicit multiplication like `2 a` is not allowed', 0);
  const operands = node.args.map((argument) => check(argument, depth + 1, context));
  if (operands.length === 1 && (node.op === '-' || node.op === '+')) {
    return node.op === '-' ? { kind: 'unary', fn: 'negate', argument: operands[0]! } : operands[0]!;
  }
  const op = OPERATOR_OF[node.op];
  if (operands.length === 2 && op !== undefined) return { kind: 'binary', op, left: operands[0]!, right: operands[1]! };
  const what = OPERATOR_NAMES[node.op];
  return reject(
    `the operator \`${node.op}\`${what === undefined ? '' : ` (${what})`} is not allowed; use + - * / ^ and brackets`,
    offsetOf(context.source, node.op),
  );
}

function checkFunction(node: MathNode & { fn: MathNode; args: MathNode[] }, depth: number, context: CheckContext): Expression {
  if (node.fn.type !== 'SymbolNode') return reject('calling the result of an expression is not allowed in a formula', 0);
  const name = (node.fn as MathNode & { name: string }).name;
  const offset = offsetOfName(context.source, name, '\\s*\\(');
  if (!(ALLOWED_FUNCTIONS as readonly string[]).includes(name)) {
    const hint = context.declared.has(name) ? `; \`${name}\` is a variable, not a function` : '';
    return reject(`the function \`${name}\` is not allowed${hint}; functions are: ${ALLOWED_FUNCTIONS.join(', ')}`, offset);
  }
  const args = node.args.map((argument) => check(argument, depth + 1, context));
  if (name === 'min' || name === 'max') {
    if (args.length === 0) return reject(`\`${name}\` needs at least one argument`, offset);
    const op = name === 'min' ? 'min' : 'max';
    return args.slice(1).reduce<Expression>((left, right) => ({ kind: 'binary', op, left, right }), args[0]!);
  }
  if (name === 'log' && args.length === 2) {
    return { kind: 'binary', op: 'logBase', left: args[0]!, right: args[1]! };
  }
  if (args.length !== 1) {
    const takes = name === 'log' ? '1 or 2 arguments' : '1 argument';
    return reject(`\`${name}\` takes ${takes}, got ${args.length}`, offset);
  }
  return { kind: 'unary', fn: name as UnaryName, argument: args[0]! };
}

const FORBIDDEN_NODES: Readonly<Record<string, [string, string[]]>> = {
  AccessorNode: ['property access (`a.b` or `a[1]`) is not allowed in a formula', ['.', '[']],
  IndexNode: ['property access (`a.b` or `a[1]`) is not allowed in a formula', ['.', '[']],
  AssignmentNode: ['assignment (`x = ...`) is not allowed in a formula', ['=']],
  FunctionAssignmentNode: ['defining a function (`f(x) = ...`) is not allowed in a formula', ['=']],
  ArrayNode: ['matrices and lists (`[...]`) are not allowed in a formula', ['[']],
  ObjectNode: ['objects (`{...}`) are not allowed in a formula', ['{']],
  ConditionalNode: ['conditions (`a ? b : c`) are not allowed in a formula', ['?']],
  RangeNode: ['ranges (`a:b`) are not allowed in a formula', [':']],
  RelationalNode: ['comparisons are not allowed in a formula', ['<', '>', '=']],
  BlockNode: ['a formula must be a single expression (no `;` or new lines)', [';', '\n']],
};

function check(node: MathNode, depth: number, context: CheckContext): Expression {
  if (depth > MAX_FORMULA_DEPTH) reject(`the formula is nested more than ${MAX_FORMULA_DEPTH} levels deep`, 0);
  switch (node.type) {
    case 'ConstantNode':
      return checkConstant((node as MathNode & { value: unknown }).value, context);
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if (!context.declared.has(name)) return unknownName(name, context);
      context.used.add(name);
      return { kind: 'variable', name };
    }
    case 'ParenthesisNode':
      return check((node as MathNode & { content: MathNode }).content, depth + 1, context);
    case 'OperatorNode':
      return checkOperator(node as Parameters<typeof checkOperator>[0], depth, context);
    case 'FunctionNode':
      return checkFunction(node as Parameters<typeof checkFunction>[0], depth, context);
    default: {
      const [message, marks] = FORBIDDEN_NODES[node.type] ?? [`\`${node.type}\` is not allowed in a formula`, []];
      return reject(message, offsetOf(context.source, ...marks));
    }
  }
}

function parseError(error: unknown, source: string): FormulaError {
  const text = error instanceof Error ? error.message : String(error);
  const char = (error as { char?: unknown }).char;
  const offset = typeof char === 'number' ? Math.min(Math.max(char - 1, 0), Math.max(source.length - 1, 0)) : 0;
  const reason = text.replace(/\s*\(char \d+\)\s*$/, '');
  return { message: `the formula cannot be read: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, offset };
}

/**
 * Parses and checks a formula over the declared variables, once.
 * compileFormula('a / 3 / b', ['a', 'b']) -> { ok: true, formula } whose evaluate({ a: 157, b: 0.35 }) is 149.52...;
 * compileFormula('a.b', ['a']) -> { ok: false, error: { message: 'property access ...', offset: 1 } }
 */
export function compileFormula(
  source: string,
  declaredVariables: readonly string[],
): { ok: true; formula: Formula } | { ok: false; error: FormulaError } {
  if (source.length > MAX_FORMULA_LENGTH)
    return { ok: false, error: { message: `the formula is longer than ${MAX_FORMULA_LENGTH} characters`, offset: 0 } };
  if (source.trim() === '') return { ok: false, error: { message: 'the formula is empty', offset: 0 } };
  const percent = source.indexOf('%');
  if (percent >= 0) return { ok: false, error: { message: '`%` is not allowed in a formula; write 0.1 for 10%', offset: percent } };
  let tree: MathNode;
  try {
    tree = math.parse(source);
  } catch (error) {
    return { ok: false, error: parseError(error, source) };
  }
  const context: CheckContext = { source, declared: new Set(declaredVariables), used: new Set() };
  let expression: Expression;
  try {
    expression = check(tree, 0, context);
  } catch (error) {
    if (error instanceof FormulaRejected) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
  const formula: Formula = formulaFromExpression(source, [...context.used], expression);
  return { ok: true, formula };
}
