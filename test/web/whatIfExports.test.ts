/**
 * A what-if's exports say so: the file names carry "-what-if" and the workbook's Summary is titled
 * "What if"; the file as it is keeps its plain names and title.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp, binaryBody } from './helpers';
import { scenarioDir } from './scenarioDir';

const folder = scenarioDir(['class-central']);
afterAll(() => folder.remove());
const app = testApp({}, { scenariosDir: folder.dir }).app;

async function workbookAt(path: string): Promise<{ disposition: string; title: unknown }> {
  const response = await request(app).get(path).buffer(true).parse(binaryBody);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
  return { disposition: String(response.headers['content-disposition']), title: workbook.getWorksheet('Summary')!.getCell('A1').value };
}

describe("a what-if's exports", () => {
  it('name the workbook and the CSVs a what-if, and title the Summary so', async () => {
    const changed = await workbookAt('/scenarios/class-central/results.xlsx?iterations=200&seed=3&set=outcomes.effectiveness%3D0.4');
    expect(changed.disposition).toMatch(/filename="?class-central-what-if-[0-9a-f]{12}\.xlsx"?/);
    expect(changed.title).toBe('What if: CLASS regional service, central case with changes: figures for the cabinet report');
    const csv = await request(app).get('/scenarios/class-central/results.csv?iterations=200&seed=3&set=outcomes.effectiveness%3D0.4');
    expect(csv.headers['content-disposition']).toMatch(/filename="?class-central-what-if-[0-9a-f]{12}\.csv"?/);
  }, 30_000);

  it('keep the plain names and title for the file as it is', async () => {
    const plain = await workbookAt('/scenarios/class-central/results.xlsx?iterations=200&seed=3');
    expect(plain.disposition).toMatch(/filename="?class-central-[0-9a-f]{12}\.xlsx"?/);
    expect(plain.title).toBe('CLASS regional service, central case: figures for the cabinet report');
  }, 30_000);
});
