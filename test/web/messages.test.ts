import { describe, expect, it } from 'vitest';
import { en } from '../../src/report/messages.en';
import { t, tPlural } from '../../src/report/messages';

describe('t', () => {
  it('fills in parameters', () => {
    expect(t('chance.about1InN', { count: 20 })).toBe('about 1 in 20');
    expect(t('service.name')).toBe('CLASS extension decision tool');
  });
  it('throws when a parameter is missing', () => {
    expect(() => t('chance.about1InN')).toThrow('t: message "chance.about1InN" needs parameter "count"');
  });
});

describe('tPlural', () => {
  it('chooses the plural form and formats the count', () => {
    expect(tPlural('scenarios.count', 1)).toBe('1 scenario is available.');
    expect(tPlural('scenarios.count', 1200)).toBe('1,200 scenarios are available.');
  });
});

describe('the English catalogue', () => {
  it('has no empty messages and no stray spaces', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), key).toBe(text);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });
});
