import { describe, expect, it } from 'vitest';
import {
  formatChance,
  formatDate,
  formatMoney,
  formatMoneyRange,
  formatMoneyShort,
  formatNumber,
  formatPercent,
} from '../../src/report/format';

// Expected strings are the en-GB conventions written out by hand (GOV.UK style guide for
// money and dates), not computed with Intl, so a change of Intl behaviour shows up here.

describe('formatMoney', () => {
  it('rounds to whole pounds with separators', () => {
    expect(formatMoney(1234567.8)).toBe('£1,234,568');
    expect(formatMoney(0)).toBe('£0');
    expect(formatMoney(-950.2)).toBe('-£950');
    expect(formatMoney(-0.4)).toBe('£0');
  });
  it('refuses non-finite numbers', () => {
    expect(() => formatMoney(Number.NaN)).toThrow('formatMoney: expected a finite number, got NaN');
  });
});

describe('formatMoneyShort', () => {
  it.each([
    [-1234567, '-£1.2m'],
    [310000, '£310k'],
    [1400000, '£1.4m'],
    [90000, '£90k'],
    [45600, '£45.6k'],
    [1500, '£1.5k'],
    [950, '£950'],
    [999600, '£1m'],
    [2000000, '£2m'],
    [123456789, '£123m'],
    [2500000000, '£2.5bn'],
    [-0.3, '£0'],
  ])('%d reads %s', (pounds, expected) => {
    expect(formatMoneyShort(pounds)).toBe(expected);
  });
  it('uses a given unit', () => {
    expect(formatMoneyShort(600000, 'millions')).toBe('£0.6m');
  });
});

describe('formatMoneyRange', () => {
  it('puts both ends in the unit of the larger (users.md example)', () => {
    expect(formatMoneyRange(600000, 2100000)).toBe('£0.6m to £2.1m');
    expect(formatMoneyRange(-250000, 90000)).toBe('-£250k to £90k');
  });
});

describe('formatNumber', () => {
  it('shows exactly the decimals asked for', () => {
    expect(formatNumber(2.43, 1)).toBe('2.4');
    expect(formatNumber(2, 1)).toBe('2.0');
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
  });
});

describe('formatPercent', () => {
  it('shows up to one decimal by default', () => {
    expect(formatPercent(0.047)).toBe('4.7%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
  });
});

describe('formatChance', () => {
  it.each([
    [1, 'almost certain'],
    [0.995, 'almost certain'],
    [0.97, 'more than 9 in 10'],
    [0.9, 'about 9 in 10'],
    [0.5, 'about 5 in 10'],
    [0.12, 'about 1 in 10'],
    [0.1, 'about 1 in 10'],
    [0.08, 'about 1 in 12'],
    [0.047, 'about 1 in 20'],
    [0.02, 'about 1 in 50'],
    [0.01, 'about 1 in 100'],
    [0.005, 'less than 1 in 100'],
    [0, 'less than 1 in 100'],
  ])('%d reads %s', (probability, expected) => {
    expect(formatChance(probability)).toBe(expected);
  });
  it('refuses values outside 0 to 1', () => {
    expect(() => formatChance(1.2)).toThrow('formatChance: expected a probability between 0 and 1, got 1.2');
  });
});

describe('formatDate', () => {
  it('writes the date in words', () => {
    expect(formatDate('2025-01-03')).toBe('3 January 2025');
    expect(formatDate(new Date(Date.UTC(2026, 2, 31, 23, 30)))).toBe('31 March 2026');
  });
  it('refuses malformed and impossible dates', () => {
    expect(() => formatDate('03/01/2025')).toThrow('formatDate: expected a date as YYYY-MM-DD, got "03/01/2025"');
    expect(() => formatDate('2025-02-30')).toThrow('formatDate: no such date "2025-02-30"');
  });
});
