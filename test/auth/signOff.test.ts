import { userInfo } from 'node:os';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { openDatabase } from '../../src/store/database';
import { latestRevision } from '../../src/store/revisions';
import { signOffById } from '../../src/store/signOffs';
import { TEST_CSRF, testApp, binaryBody } from '../web/helpers';
import { scenarioDir } from '../web/scenarioDir';

const folder = scenarioDir(['class-central'], 200);
afterAll(() => folder.remove());
const db = openDatabase(':memory:');
const { app } = testApp({ db }, { scenariosDir: folder.dir });
const me = userInfo().username;
// FIXED_NOW (test/web/helpers.ts) is 2 June 2025; the paper is dated 12 March 2026.
const SENTENCE = `Signed off by ${me} on 2 June 2025 for Cabinet: CLASS extension (12 March 2026)`;

async function cellsOf(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return texts;
}

describe('sign-off for cabinet', () => {
  const bundled = () => latestRevision(db, 'class-central')?.text;
  let permalink = '';
  let reportBefore = '';

  it('shows what is being signed off: the revision, changes, seed, iterations and model version', async () => {
    const form = await request(app).get('/scenarios/class-central/sign-off?iterations=200&seed=7&set=outcomes.effectiveness%3D0.3');
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/class-central, version 1 \(hash [0-9a-f]{12}\)/);
    expect(form.text).toContain('outcomes.effectiveness=0.3');
    expect(form.text).toContain('>7<');
    expect(form.text).toContain('>200<');
  });

  it('asks for the paper and its date, and keeps what was typed', async () => {
    const response = await request(app)
      .post('/scenarios/class-central/sign-off?iterations=200&seed=7')
      .type('form')
      .send({ paper: '', paperDate: '2026-02-30', _csrf: TEST_CSRF });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Enter the paper’s name, up to 200 characters');
    expect(response.text).toContain('Enter the paper’s date as a real date, for example 2026-03-12');
    expect(response.text).toContain('value="2026-02-30"');
  });

  it('stores the run with its results and says who, when and for which paper on the page, report and workbook', async () => {
    const response = await request(app)
      .post('/scenarios/class-central/sign-off?iterations=200&seed=7&set=outcomes.effectiveness%3D0.3')
      .type('form')
      .send({ paper: 'Cabinet: CLASS extension', paperDate: '2026-03-12', _csrf: TEST_CSRF });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/sign-offs/1');
    const stored = signOffById(db, 1)!;
    expect(stored).toMatchObject({
      seed: '7',
      iterations: 200,
      changes: ['outcomes.effectiveness=0.3'],
      paper: 'Cabinet: CLASS extension',
      paperDate: '2026-03-12',
      signedBy: me,
    });
    expect(JSON.parse(stored.resultsJson).options[0].monteCarlo.iterations).toBe(200);
    // The bundled file became revision 1 in the database so the sign-off can point at it.
    expect(latestRevision(db, 'class-central')).toMatchObject({ number: 1, author: 'bundled', id: stored.revisionId });

    const page = await request(app).get('/sign-offs/1');
    expect(page.text).toContain(SENTENCE);
    expect(page.text).not.toContain('changed since sign-off');
    // One Host for both reports: the page names its own full link.
    reportBefore = (await request(app).get('/sign-offs/1/report').set('Host', 'localhost:3000')).text;
    expect(reportBefore).toContain(SENTENCE);
    const workbook = await request(app).get('/sign-offs/1/results.xlsx').buffer(true).parse(binaryBody);
    expect((await cellsOf(workbook.body as Buffer)).some((text) => text.includes(SENTENCE))).toBe(true);

    permalink = `/scenarios/class-central?hash=${scenarioHash(bundled()!)}&iterations=200&seed=7&set=outcomes.effectiveness%3D0.3`;
    const signedRun = await request(app).get(permalink);
    expect(signedRun.text).toContain('Signed off.');
    expect(signedRun.text).toContain(SENTENCE);
  });

  it('after the scenario changes: the same report byte for byte, and "changed since sign-off" everywhere', async () => {
    const before = bundled()!;
    const changed = before.replace('value: 660546', 'value: 999999');
    const saved = await request(app)
      .post('/scenarios/save')
      .type('form')
      .send({
        name: 'x',
        from: 'class-central',
        saveAs: 'revision',
        baseHash: scenarioHash(before),
        text: changed,
        action: 'save',
        _csrf: TEST_CSRF,
      });
    expect(saved.status).toBe(303);
    expect((await request(app).get('/sign-offs/1/report').set('Host', 'localhost:3000')).text).toBe(reportBefore);
    const page = await request(app).get('/sign-offs/1');
    expect(page.text).toContain('class-central has changed since sign-off: the figures here are those of version 1.');
    const scenarioPage = await request(app).get('/scenarios/class-central?iterations=200&seed=7');
    expect(scenarioPage.text).toContain('Changed since sign-off.');
    expect(scenarioPage.text).toContain(SENTENCE);
    const history = await request(app).get('/scenarios/class-central/history');
    expect(history.text).toContain(`Cabinet: CLASS extension, signed off by ${me}`);
  });

  it('refuses to sign off a link made from an older version', async () => {
    const stale = await request(app).get(`${permalink.replace('/scenarios/class-central?', '/scenarios/class-central/sign-off?')}`);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('This run is not of the newest version of class-central');
  });
});
