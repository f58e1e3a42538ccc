/**
 * A checked formula as plain data (no mathjs), and the evaluators built from it. Kept apart from
 * formula.ts so worker threads can rebuild a scenario's formulas without loading mathjs.
 */
export type UnaryName = 'negate' | 'round' | 'floor' | 'ceil' | 'abs' | 'sqrt' | 'exp' | 'log';
export type BinaryName = '+' | '-' | '*' | '/' | '^' | 'min' | 'max' | 'logBase';

/** A checked formula: numbers, variables and operations on them, nothing else. */
export type Expression =
  | { kind: 'constant'; value: number }
  | { kind: 'variable'; name: string }
  | { kind: 'unary'; fn: UnaryName; argument: Expression }
  | { kind: 'binary'; op: BinaryName; left: Expression; right: Expression };

/** A formula over the scenario's variables, parsed and checked once at load time. */
export interface Formula {
  /** The text as written in the scenario. */
  source: string;
  /** Names of the variables it reads. */
  variables: readonly string[];
  /** The checked formula as plain data (it can cross to worker threads). */
  expression: Expression;
  /** Value for one set of variable values. */
  evaluate(scope: Readonly<Record<string, number>>): number;
  /**
   * Values for many iterations at once: each variable is a column (or a constant), the result a
   * new column of `length` values. Plain arithmetic, no mathjs in the loop.
   */
  evaluateColumns(scope: Readonly<Record<string, Float64Array | number>>, length: number): Float64Array;
}

type Unary = (x: number) => number;
type Binary = (a: number, b: number) => number;

/** Rounds half away from zero, as spreadsheets do: round(2.5) = 3, round(-2.5) = -3. */
function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

const UNARY: Readonly<Record<UnaryName, Unary>> = {
  negate: (x) => -x,
  round: roundHalfAwayFromZero,
  floor: Math.floor,
  ceil: Math.ceil,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
};

const BINARY: Readonly<Record<BinaryName, Binary>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  min: Math.min,
  max: Math.max,
  logBase: (x, base) => Math.log(x) / Math.log(base),
};

/** The binary operators a formula may use, by their symbol. */
export const OPERATOR_OF: Readonly<Record<string, BinaryName>> = { '+': '+', '-': '-', '*': '*', '/': '/', '^': '^' };

/** A column of values, or one value standing for a whole column. */
type Column = Float64Array | number;
type ScalarEvaluator = (scope: Readonly<Record<string, number>>) => number;
type ColumnEvaluator = (scope: Readonly<Record<string, Column>>, length: number) => Column;

function variableValue(scope: Readonly<Record<string, number>>, name: string): number {
  const value = scope[name];
  if (value === undefined) throw new Error(`formula needs a value for variable \`${name}\``);
  return value;
}

function scalarEvaluator(expression: Expression): ScalarEvaluator {
  switch (expression.kind) {
    case 'constant': {
      const value = expression.value;
      return () => value;
    }
    case 'variable': {
      const name = expression.name;
      return (scope) => variableValue(scope, name);
    }
    case 'unary': {
      const apply = UNARY[expression.fn];
      const argument = scalarEvaluator(expression.argument);
      return (scope) => apply(argument(scope));
    }
    case 'binary': {
      const apply = BINARY[expression.op];
      const left = scalarEvaluator(expression.left);
      const right = scalarEvaluator(expression.right);
      return (scope) => apply(left(scope), right(scope));
    }
  }
}

function columnValue(scope: Readonly<Record<string, Column>>, name: string, length: number): Column {
  const column = scope[name];
  if (column === undefined) throw new Error(`formula needs a column for variable \`${name}\``);
  if (typeof column !== 'number' && column.length < length) {
    throw new Error(`column for variable \`${name}\` has ${column.length} values, fewer than ${length}`);
  }
  return column;
}

function columnEvaluator(expression: Expression): ColumnEvaluator {
  switch (expression.kind) {
    case 'constant': {
      const value = expression.value;
      return () => value;
    }
    case 'variable': {
      const name = expression.name;
      return (scope, length) => columnValue(scope, name, length);
    }
    case 'unary': {
      const apply = UNARY[expression.fn];
      const argument = columnEvaluator(expression.argument);
      return (scope, length) => {
        const values = argument(scope, length);
        if (typeof values === 'number') return apply(values);
        const result = new Float64Array(length);
        for (let i = 0; i < length; i++) result[i] = apply(values[i]!);
        return result;
      };
    }
    case 'binary': {
      const apply = BINARY[expression.op];
      const leftColumn = columnEvaluator(expression.left);
      const rightColumn = columnEvaluator(expression.right);
      return (scope, length) => {
        const left = leftColumn(scope, length);
        const right = rightColumn(scope, length);
        if (typeof left === 'number' && typeof right === 'number') return apply(left, right);
        const result = new Float64Array(length);
        if (typeof left === 'number') for (let i = 0; i < length; i++) result[i] = apply(left, (right as Float64Array)[i]!);
        else if (typeof right === 'number') for (let i = 0; i < length; i++) result[i] = apply(left[i]!, right);
        else for (let i = 0; i < length; i++) result[i] = apply(left[i]!, right[i]!);
        return result;
      };
    }
  }
}

/**
 * A Formula from its checked expression: `evaluate` and `evaluateColumns` run the same plain-JS
 * functions, so the deterministic run and a Monte Carlo draw agree to the last bit.
 */
export function formulaFromExpression(source: string, variables: readonly string[], expression: Expression): Formula {
  const evaluate = scalarEvaluator(expression);
  const columns = columnEvaluator(expression);
  return {
    source,
    variables,
    expression,
    evaluate,
    evaluateColumns(scope, length) {
      const result = columns(scope, length);
      if (typeof result === 'number') return new Float64Array(length).fill(result);
      return expression.kind === 'variable' ? result.slice(0, length) : result;
    },
  };
}
