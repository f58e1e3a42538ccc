import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A crash between writing the new text and renaming it into place, simulated by a rename that
// fails once; everything else is the real file system.
const failRename = { next: false };
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failRename.next) {
        failRename.next = false;
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      }
      return actual.rename(from, to);
    },
  };
});

const { folderStore } = await import('../../src/web/scenarioStore');

afterEach(() => {
  failRename.next = false;
});

describe('saving scenarios', () => {
  it('leaves the old file intact and no stray temporary file when the save fails before the rename', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(dir, 'plan.yaml'), 'name: old\n');
    const store = folderStore(dir);
    const before = await store.read('plan');
    failRename.next = true;
    await expect(store.save('plan', 'name: new\n', before!.hash)).rejects.toThrow('simulated crash before rename');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('name: old\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // and the next save goes through, keeping the old text as a backup
    const saved = await store.save('plan', 'name: new\n', before!.hash);
    expect(saved.ok).toBe(true);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('name: new\n');
    expect(readdirSync(join(dir, '.backup')).some((f) => readFileSync(join(dir, '.backup', f), 'utf8') === 'name: old\n')).toBe(true);
  });

  it('tells the second of two people saving the same version, and keeps the first save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(dir, 'plan.yaml'), 'name: old\n');
    const store = folderStore(dir);
    const base = (await store.read('plan'))!.hash;
    const [first, second] = await Promise.all([store.save('plan', 'name: first\n', base), store.save('plan', 'name: second\n', base)]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: 'changed' });
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('name: first\n');
  });
});
