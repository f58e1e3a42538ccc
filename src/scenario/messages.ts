/**
 * Plain-words messages for values of the wrong type or out of range: what was expected, what was
 * written, and how to write it instead ("write 0.1, not 10%").
 */

/** What a key holds, for hints that depend on it. */
export type ValueKind = 'number' | 'text' | 'date' | 'boolean' | 'list' | 'mapping';

/** The part of a zod issue a message needs. */
export interface IssueLike {
  readonly code?: string;
  readonly input?: unknown;
}

/**
 * A value as it would read in the file. showValue('£1,000') -> '"£1,000"'; showValue(Infinity) -> '.inf';
 * showValue(null) -> 'an empty value'
 */
export function showValue(input: unknown): string {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return '.nan';
    if (!Number.isFinite(input)) return input > 0 ? '.inf' : '-.inf';
    return String(input);
  }
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 37)}...` : input);
  if (typeof input === 'boolean') return String(input);
  if (input === null) return 'an empty value';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  return 'a mapping';
}

const MONEY = /^\s*([£$€]\s*-?[\d,]+(\.\d+)?|-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+(_\d+)+(\.\d+)?)\s*(k|K)?\s*$/;
const PERCENT = /^\s*(-?\d+(\.\d+)?)\s*%\s*$/;
const YES_NO = /^(yes|no|y|n|on|off)$/i;

/** A number as the shortest decimal that reads cleanly: 14.5 / 100 -> 0.145, not 0.14500000000000002. */
export function tidy(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * How to write the value instead, or "". hint('10%', 'number') -> '; write 0.1, not 10%';
 * hint('£1,000', 'number') -> '; write 1000, not "£1,000"'; hint('yes', 'boolean') -> '; write true or false, not yes'
 */
export function hint(input: unknown, kind: ValueKind): string {
  if (typeof input === 'number' && !Number.isFinite(input)) return '; .inf and .nan are not allowed';
  if (typeof input !== 'string') return '';
  if (kind === 'boolean' && YES_NO.test(input.trim())) return `; write true or false, not ${input.trim()}`;
  if (kind !== 'number') return '';
  const percent = PERCENT.exec(input);
  if (percent) return `; write ${tidy(Number(percent[1]) / 100)}, not ${input.trim()}`;
  const money = MONEY.exec(input);
  if (money) {
    const thousands = /k\s*$/i.test(input) ? 1000 : 1;
    const plain = Number(input.replace(/[£$€,_\skK]/g, '')) * thousands;
    if (Number.isFinite(plain)) return `; write ${tidy(plain)}, not ${JSON.stringify(input)}`;
  }
  if (YES_NO.test(input.trim()) || /^(true|false)$/i.test(input.trim())) return `; ${input.trim()} is not a number`;
  return '';
}

/** True when a string is a number written in a way the file does not accept (money, percent, yes/no). */
export function looksLikeMisspeltNumber(input: string): boolean {
  return hint(input, 'number') !== '';
}

/**
 * A zod error function for a key that must hold `expected` (in words). A missing key, a value of
 * the wrong type and a value out of range all get one message in one form:
 * "expected a probability between 0 and 1, got 1.2" or "required key is missing; expected ...".
 */
export function expecting(expected: string, kind: ValueKind): (issue: IssueLike) => string {
  return (issue) => {
    if (issue.input === undefined) return `required key is missing; expected ${expected}`;
    return `expected ${expected}, got ${showValue(issue.input)}${hint(issue.input, kind)}`;
  };
}
