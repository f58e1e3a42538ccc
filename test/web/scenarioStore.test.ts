import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { MODEL_VERSION } from '../../src/run/version';
import { openDatabase } from '../../src/store/database';
import { revisionsOf } from '../../src/store/revisions';
import { databaseStore, folderStore, readRevision } from '../../src/web/scenarioStore';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const note = { author: 'Alys Editor', message: 'test' };

describe('scenario store over the database', () => {
  it('reads a bundled file as revision 1 and never writes to the folder', async () => {
    const dir = folderWith({ 'plan.yaml': 'name: old\n' });
    const store = databaseStore(dir, openDatabase(':memory:'));
    expect(await store.read('plan')).toMatchObject({ revision: 1, revisionId: null, text: 'name: old\n' });
    const saved = await store.save('plan', 'name: new\n', scenarioHash('name: old\n'), note);
    expect(saved).toEqual({ ok: true, name: 'plan', hash: scenarioHash('name: new\n'), revision: 2 });
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('name: old\n');
    expect(await store.read('plan')).toMatchObject({ revision: 2, text: 'name: new\n' });
  });

  it('records who, when, why, the parent, the hash and the model version', async () => {
    const db = openDatabase(':memory:');
    const store = databaseStore(folderWith({}), db, () => new Date('2026-03-03T14:05:00Z'));
    await store.save('fresh', 'name: a\n', null, note);
    await store.save('fresh', 'name: b\n', scenarioHash('name: a\n'), { author: 'Bryn Admin', message: 'second' });
    const [second, first] = revisionsOf(db, 'fresh');
    expect(first).toMatchObject({
      number: 1,
      parentId: null,
      author: 'Alys Editor',
      createdAt: '2026-03-03T14:05:00.000Z',
      hash: scenarioHash('name: a\n'),
      modelVersion: MODEL_VERSION,
    });
    expect(second).toMatchObject({ number: 2, parentId: first!.id, author: 'Bryn Admin', message: 'second', text: 'name: b\n' });
    expect(await store.names()).toEqual(['fresh']);
  });

  it('lets only one of two saves from the same revision through; the other is told the current hash', async () => {
    const dir = folderWith({ 'plan.yaml': 'name: old\n' });
    const store = databaseStore(dir, openDatabase(':memory:'));
    const base = (await store.read('plan'))!.hash;
    const [first, second] = await Promise.all([
      store.save('plan', 'name: first\n', base, note),
      store.save('plan', 'name: second\n', base, note),
    ]);
    // Exactly one goes through, whichever the store takes first (the order is not promised under load);
    // the other is told the winner's hash, and the winner's text is what is stored.
    const outcomes = [
      { outcome: first, text: 'name: first\n' },
      { outcome: second, text: 'name: second\n' },
    ];
    const winners = outcomes.filter((o) => o.outcome.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const loser = outcomes.find((o) => !o.outcome.ok)!;
    expect(loser.outcome).toEqual({ ok: false, reason: 'changed', currentHash: scenarioHash(winner.text) });
    expect((await store.read('plan'))!.text).toBe(winner.text);
  });

  it('refuses a new scenario over an existing name, and a bad name', async () => {
    const store = databaseStore(folderWith({ 'plan.yaml': 'name: old\n' }), openDatabase(':memory:'));
    expect(await store.save('plan', 'x', null, note)).toEqual({ ok: false, reason: 'exists' });
    expect(await store.save('../plan', 'x', null, note)).toEqual({ ok: false, reason: 'badName' });
  });

  it('never updates or deletes a revision (the database refuses)', async () => {
    const db = openDatabase(':memory:');
    await databaseStore(folderWith({}), db).save('fresh', 'name: a\n', null, note);
    expect(() => db.prepare("UPDATE revisions SET text = 'tampered'").run()).toThrow('revisions are never changed');
    expect(() => db.prepare('DELETE FROM revisions').run()).toThrow('revisions are never deleted');
    expect(() =>
      db
        .prepare("INSERT INTO audit (at, actor, action, target, outcome, request_id, detail) VALUES ('', '', '', '', 'done', '', '')")
        .run(),
    ).not.toThrow();
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow('audit entries are never deleted');
  });

  it("reads any revision, including a bundled file's revision 1 before any save", async () => {
    const dir = folderWith({ 'plan.yaml': 'name: old\n' });
    const db = openDatabase(':memory:');
    expect((await readRevision(dir, db, 'plan', 1))!.text).toBe('name: old\n');
    expect(await readRevision(dir, db, 'plan', 2)).toBeUndefined();
    await databaseStore(dir, db).save('plan', 'name: new\n', scenarioHash('name: old\n'), note);
    expect((await readRevision(dir, db, 'plan', 1))!.text).toBe('name: old\n');
    expect((await readRevision(dir, db, 'plan', 2))!.text).toBe('name: new\n');
  });

  it('the folder-only store reads and refuses every save', async () => {
    const store = folderStore(folderWith({ 'plan.yaml': 'name: old\n' }));
    expect(await store.names()).toEqual(['plan']);
    expect(await store.save('plan', 'x', scenarioHash('name: old\n'), note)).toEqual({ ok: false, reason: 'readOnly' });
  });

  it('creates the database file in the data folder on first open, and migrates once', () => {
    const dir = join(folderWith({}), 'data');
    openDatabase(dir).close();
    const again = openDatabase(dir);
    expect(readdirSync(dir)).toContain('class-tool.sqlite');
    expect(again.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
  });
});
