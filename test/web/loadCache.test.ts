import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioCached } from '../../src/web/loadCache';
import { parseOverride, type Override } from '../../src/scenario/overrides';

const text = readFileSync('scenarios/class-central.yaml', 'utf8');

describe('loaded scenarios are remembered', () => {
  it('validates a file once for the same text and changes', () => {
    const first = loadScenarioCached(text, 'h1', 'class-central.yaml', []);
    expect(first.ok).toBe(true);
    expect(loadScenarioCached(text, 'h1', 'class-central.yaml', [])).toBe(first);
  });

  it('loads again when the text or the changes differ', () => {
    const first = loadScenarioCached(text, 'h2', 'class-central.yaml', []);
    const other = text.replace('value: 660546', 'value: 600000');
    expect(other).not.toBe(text);
    const changed = loadScenarioCached(other, 'h3', 'class-central.yaml', []);
    expect(changed).not.toBe(first);
    const override = parseOverride('outcomes.effectiveness=0.3') as Override;
    const withChange = loadScenarioCached(text, 'h2', 'class-central.yaml', [override]);
    expect(withChange).not.toBe(first);
    expect(withChange.ok && withChange.scenario.quantities['outcomes.effectiveness']).toEqual({ kind: 'number', value: 0.3 });
  });

  it('is keyed by the text and changes, not the hash it is given (12 digits are too few to trust)', () => {
    const first = loadScenarioCached(text, 'same', 'class-central.yaml', []);
    const other = loadScenarioCached(`${text}\n#--set outcomes.effectiveness=0.01`, 'same', 'class-central.yaml', []);
    const changed = loadScenarioCached(text, 'same', 'class-central.yaml', [parseOverride('outcomes.effectiveness=0.01') as Override]);
    expect(other).not.toBe(first);
    expect(changed).not.toBe(other);
    expect(changed.ok && changed.scenario.quantities['outcomes.effectiveness']).toEqual({ kind: 'number', value: 0.01 });
    expect(other.ok && other.scenario.quantities['outcomes.effectiveness']).not.toEqual({ kind: 'number', value: 0.01 });
  });
});
