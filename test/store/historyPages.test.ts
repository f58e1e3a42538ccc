import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { openDatabase } from '../../src/store/database';
import { recentAudit } from '../../src/store/audit';
import { latestRevision } from '../../src/store/revisions';
import { diffCounts, lineDiff } from '../../src/web/lineDiff';
import { keepLineEndings } from '../../src/web/lineEndings';
import { TEST_CSRF, testApp } from '../web/helpers';
import { scenarioDir } from '../web/scenarioDir';

const folder = scenarioDir(['class-central'], 200);
afterAll(() => folder.remove());
const db = openDatabase(':memory:');
const { app } = testApp({ db }, { scenariosDir: folder.dir });

describe('line diff', () => {
  it('numbers each line in the old and new text and folds long unchanged runs', () => {
    // Worked by hand: b becomes B; ten unchanged lines after it keep three of context.
    const old = ['a', 'b', ...Array.from({ length: 10 }, (_, i) => `x${i}`)].join('\n');
    const now = ['a', 'B', ...Array.from({ length: 10 }, (_, i) => `x${i}`)].join('\n');
    const rows = lineDiff(old, now);
    expect(rows.slice(0, 6).map((r) => [r.kind, r.oldNumber, r.newNumber, r.text])).toEqual([
      ['same', 1, 1, 'a'],
      ['removed', 2, null, 'b'],
      ['added', null, 2, 'B'],
      ['same', 3, 3, 'x0'],
      ['same', 4, 4, 'x1'],
      ['same', 5, 5, 'x2'],
    ]);
    expect(rows[6]).toMatchObject({ kind: 'folded', count: 7 });
    expect(diffCounts(rows)).toEqual({ added: 1, removed: 1 });
  });

  it("keeps each unchanged line's ending and gives new lines the usual one", () => {
    expect(keepLineEndings('a\r\nb\r\nc', 'a\nB\nc')).toBe('a\r\nB\r\nc');
    expect(keepLineEndings('a\nb\n', 'a\r\nb\r\nnew\r\n')).toBe('a\nb\nnew\n');
    expect(keepLineEndings('', 'x\r\n')).toBe('x\n');
  });
});

describe('history, diff and restore pages (AUTH=none: the person here may do everything)', () => {
  it('lists the bundled file as version 1 before any save', async () => {
    const page = await request(app).get('/scenarios/class-central/history');
    expect(page.status).toBe(200);
    expect(page.text).toContain('1 version');
    expect(page.text).toContain('Bundled file');
    expect((await request(app).get('/scenarios/nope/history')).status).toBe(404);
  });

  it('after a save: both versions, a readable diff, and a restore that is itself a new version', async () => {
    const bundled = (await request(app).get('/scenarios/class-central/history/1')).text;
    expect(bundled).toContain('  en: &#34;CLASS regional service, central case&#34;');
    const text =
      latestRevision(db, 'class-central')?.text ?? (await import('node:fs')).readFileSync(`${folder.dir}/class-central.yaml`, 'utf8');
    const changed = text.replace('value: 660546', 'value: 700000');
    const saved = await request(app)
      .post('/scenarios/save')
      .type('form')
      .send({
        from: 'class-central',
        saveAs: 'revision',
        baseHash: scenarioHash(text),
        text: changed,
        message: 'new price',
        action: 'save',
        _csrf: TEST_CSRF,
      });
    expect(saved.status).toBe(303);
    const history = await request(app).get('/scenarios/class-central/history');
    expect(history.text).toContain('2 versions');
    expect(history.text).toContain('new price');
    expect(history.text).toContain('Compare with version 1');
    expect(history.text).toContain('Restore version 1');
    const diff = await request(app).get('/scenarios/class-central/diff?from=1&to=2');
    expect(diff.text).toContain('Lines added: 1. Lines removed: 1.');
    expect(diff.text).toMatch(
      /app-diff__removed">\s*<td class="govuk-table__cell">\d+<\/td>\s*<td class="govuk-table__cell"><\/td>\s*<td class="govuk-table__cell">Removed<\/td>\s*<td class="govuk-table__cell"><code class="app-diff__text">\s*value: 660546<\/code>/,
    );
    expect(diff.text).toMatch(/Added<\/td>\s*<td class="govuk-table__cell"><code class="app-diff__text">\s*value: 700000<\/code>/);
    const restored = await request(app)
      .post('/scenarios/class-central/restore')
      .type('form')
      .send({ number: '1', baseHash: scenarioHash(changed), _csrf: TEST_CSRF });
    expect(restored.headers.location).toBe('/scenarios/class-central/history?restored=3');
    expect(latestRevision(db, 'class-central')).toMatchObject({ number: 3, text, message: 'Restored version 1' });
    // A restore from a stale page is refused and changes nothing.
    const stale = await request(app)
      .post('/scenarios/class-central/restore')
      .type('form')
      .send({ number: '2', baseHash: scenarioHash(changed), _csrf: TEST_CSRF });
    expect(stale.status).toBe(409);
    expect(latestRevision(db, 'class-central')!.number).toBe(3);
    expect(
      recentAudit(db)
        .map((e) => `${e.action}:${e.outcome}:${e.target}`)
        .slice(0, 3),
    ).toEqual(['restore:refused:class-central revision 2', 'restore:done:class-central revision 1', 'save:done:class-central revision 2']);
  });

  it('the audit log page lists the events with their request ids', async () => {
    const page = await request(app).get('/admin/audit');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Audit log');
    expect(page.text).toContain('as revision 3');
    expect(page.text).toMatch(/<code>[0-9a-f-]{36}<\/code>/);
  });
});
