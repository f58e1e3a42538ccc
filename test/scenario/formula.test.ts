import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, isReservedName } from '../../src/scenario/formula';
import type { Formula } from '../../src/scenario/types';

function compiled(source: string, variables: readonly string[] = ['a', 'b']): Formula {
  const result = compileFormula(source, variables);
  if (!result.ok) throw new Error(result.error.message);
  return result.formula;
}

function rejected(source: string, variables: readonly string[] = ['a', 'b']): { message: string; offset: number } {
  const result = compileFormula(source, variables);
  if (result.ok) throw new Error(`${source} was accepted`);
  return result.error;
}

describe('compileFormula: what is allowed', () => {
  it('evaluates numbers, variables, + - * / ^, brackets and the allowed functions', () => {
    // Worked by hand: 157 / 3 / 0.35 = 149.5238...
    expect(compiled('children / 3 / share', ['children', 'share']).evaluate({ children: 157, share: 0.35 })).toBeCloseTo(149.5238095, 6);
    expect(compiled('-a + +b * (a - 1) ^ 2').evaluate({ a: 3, b: 2 })).toBe(5);
    expect(compiled('-2 ^ 2').evaluate({})).toBe(-4);
    expect(compiled('min(a, b, 0.5) + max(a)').evaluate({ a: 1, b: 2 })).toBe(1.5);
    expect(compiled('sqrt(a) + abs(-b) + exp(0) + log(exp(2)) + log(8, 2)').evaluate({ a: 9, b: 2 })).toBeCloseTo(11, 12);
    expect(compiled('floor(a) + ceil(b)').evaluate({ a: 1.7, b: 1.2 })).toBe(3);
  });

  it('rounds half away from zero, as spreadsheets do', () => {
    const round = compiled('round(a)');
    expect([2.5, -2.5, 0.49999999999999994, 1.4].map((a) => round.evaluate({ a, b: 0 }))).toEqual([3, -3, 0, 1]);
  });

  it('lists the variables it reads, once each, in order', () => {
    expect(compiled('b * a + b', ['a', 'b', 'c']).variables).toEqual(['b', 'a']);
    expect(compiled('2', ['a']).variables).toEqual([]);
  });

  it('throws, as a programmer error, when a variable has no value', () => {
    expect(() => compiled('a + b').evaluate({ a: 1 })).toThrow('formula needs a value for variable `b`');
  });
});

describe('compileFormula: what is rejected, and where', () => {
  it.each([
    ['a.b', 'property access (`a.b` or `a[1]`) is not allowed in a formula', 1],
    ['a[1]', 'property access (`a.b` or `a[1]`) is not allowed in a formula', 1],
    ['x = 2', 'assignment (`x = ...`) is not allowed in a formula', 2],
    ['f(x) = x', 'defining a function (`f(x) = ...`) is not allowed in a formula', 5],
    ['[1, 2]', 'matrices and lists (`[...]`) are not allowed in a formula', 0],
    ['{p: 1}', 'objects (`{...}`) are not allowed in a formula', 0],
    ['a ? 1 : 2', 'conditions (`a ? b : c`) are not allowed in a formula', 2],
    ['1:3', 'ranges (`a:b`) are not allowed in a formula', 1],
    ['a; b', 'a formula must be a single expression (no `;` or new lines)', 1],
    ['"text"', 'text in quotes is not allowed in a formula', 0],
    ['true', '`true` is not allowed in a formula; formulas work with numbers only', 0],
    ['import({})', 'the function `import` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log', 0],
    ['factorial(1e6)', 'the function `factorial` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log', 0],
    ['1 + evaluate("1")', 'the function `evaluate` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log', 4],
    ['createUnit("x")', 'the function `createUnit` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log', 0],
    [
      'a(2)',
      'the function `a` is not allowed; `a` is a variable, not a function; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
      0,
    ],
    ['5!', 'the operator `!` (factorial) is not allowed; use + - * / ^ and brackets', 1],
    ['a mod b', 'the operator `mod` (remainder) is not allowed; use + - * / ^ and brackets', 2],
    ['a == b', 'the operator `==` (comparison) is not allowed; use + - * / ^ and brackets', 2],
    ['a and b', 'the operator `and` (logic) is not allowed; use + - * / ^ and brackets', 2],
    ['2 cm', 'write `*` between factors; implicit multiplication like `2 a` is not allowed', 0],
    ['5 cm to m', 'write `*` between factors; implicit multiplication like `2 a` is not allowed', 0],
    ['10%', '`%` is not allowed in a formula; write 0.1 for 10%', 2],
    ['a + x', 'unknown name `x`; variables are: a, b', 4],
    ['pi * a', 'unknown name `pi`; variables are: a, b', 0],
    ['sqrt(a, b)', '`sqrt` takes 1 argument, got 2', 0],
    ['max()', '`max` needs at least one argument', 0],
    ['1e400', 'a number in the formula is too large', 0],
    ['', 'the formula is empty', 0],
    ['1 +', 'the formula cannot be read: unexpected end of expression', 2],
    ['a b c', 'write `*` between factors; implicit multiplication like `2 a` is not allowed', 0],
    ['(a', 'the formula cannot be read: parenthesis ) expected', 1],
  ])('%s', (source, message, offset) => {
    expect(rejected(source)).toEqual({ message, offset });
  });

  it('says when no variables are declared', () => {
    expect(rejected('x', []).message).toBe('unknown name `x`; no variables are declared (add them under `variables:`)');
  });

  it('rejects formulas longer than 500 characters or nested deeper than 30', () => {
    expect(rejected(`${'1 + '.repeat(125)}1`).message).toBe('the formula is longer than 500 characters');
    expect(rejected(`${'('.repeat(31)}1${')'.repeat(31)}`).message).toBe('the formula is nested more than 30 levels deep');
    expect(compiled(`${'('.repeat(29)}1${')'.repeat(29)}`).evaluate({})).toBe(1);
  });

  it('reserves the names mathjs gives a meaning to', () => {
    expect(['e', 'pi', 'sqrt', 'mod', 'import', 'true'].filter(isReservedName)).toEqual(['e', 'pi', 'sqrt', 'mod', 'import', 'true']);
    expect(['share', 'children_supported', 'x1'].some(isReservedName)).toBe(false);
  });
});

/** Random formulas over a, b and c built from every allowed construct. */
const formulaText: fc.Arbitrary<string> = fc
  .letrec<{ expression: string }>((tie) => ({
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', 'c'),
      fc.double({ min: -10, max: 10, noNaN: true }).map((value) => `(${value})`),
      fc
        .tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expression'))
        .map(([left, op, right]) => `(${left} ${op} ${right})`),
      fc
        .tuple(fc.constantFrom('round', 'floor', 'ceil', 'abs', 'sqrt', 'exp', 'log'), tie('expression'))
        .map(([fn, argument]) => `${fn}(${argument})`),
      fc
        .tuple(fc.constantFrom('min', 'max'), fc.array(tie('expression'), { minLength: 1, maxLength: 3 }))
        .map(([fn, args]) => `${fn}(${args.join(', ')})`),
      tie('expression').map((argument) => `-${argument}`),
    ),
  }))
  .expression.filter((text) => text.length <= 500);

const column = (length: number) => fc.float64Array({ minLength: length, maxLength: length, noDefaultInfinity: true, min: -1e3, max: 1e3 });

describe('evaluateColumns', () => {
  it('equals evaluate, element by element, on random formulas and columns', () => {
    fc.assert(
      fc.property(formulaText, column(8), column(8), fc.double({ min: -100, max: 100, noNaN: true }), (text, a, b, c) => {
        const result = compileFormula(text, ['a', 'b', 'c']);
        if (!result.ok) return true; // nesting deeper than 30: rejected, nothing to compare
        const columns = result.formula.evaluateColumns({ a, b, c }, 8);
        expect(columns).toHaveLength(8);
        for (let i = 0; i < 8; i++) {
          expect(Object.is(columns[i], result.formula.evaluate({ a: a[i]!, b: b[i]!, c }))).toBe(true);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('gives a new column for a constant or a bare variable', () => {
    const a = new Float64Array([1, 2, 3]);
    const same = compiled('a').evaluateColumns({ a, b: 0 }, 3);
    expect(same).toEqual(a);
    expect(same).not.toBe(a);
    expect(compiled('2 * 3').evaluateColumns({}, 2)).toEqual(new Float64Array([6, 6]));
  });

  it('throws, as a programmer error, when a column is too short', () => {
    expect(() => compiled('a + 1').evaluateColumns({ a: new Float64Array(2) }, 3)).toThrow(
      'column for variable `a` has 2 values, fewer than 3',
    );
  });
});
