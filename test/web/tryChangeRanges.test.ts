/**
 * The "try a change" form checks each box against its catalogue row (src/scenario/catalogue.ts):
 * the row's range, up to its sanity limit where the range has no top, in the unit the box shows (a
 * percentage as 0 to 100). Every box the form shows is walked from the catalogue, in English and in
 * Welsh: a value past either end is refused beside its box with a message naming the box and the
 * bound, and values at the ends and inside are accepted. The rows the form does not show yet are
 * checked the same way through boxRange/outOfRange, so a new row with a form place needs no form change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/report/format';
import { inputLabel } from '../../src/report/inputs';
import { t, withLocale, type Locale } from '../../src/report/messages';
import { formRows, INPUTS, SCHEDULE_SHARE, type InputRow } from '../../src/scenario/catalogue';
import { loadScenario } from '../../src/scenario/load';
import { boxRange, outOfRange } from '../../src/web/tryChange';
import { testApp, visible } from './helpers';
import { BUNDLED_DIR, scenarioDir } from './scenarioDir';

const NAME = 'class-central';
const folder = scenarioDir([NAME]);
afterAll(() => folder.remove());
const app = testApp({}, { scenariosDir: folder.dir }).app;

const loaded = loadScenario(readFileSync(path.join(BUNDLED_DIR, `${NAME}.yaml`), 'utf8'), `${NAME}.yaml`);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const bundled = loaded.scenario;

/** The bundled scenario gives capacity as starts a year; the caseload box needs the caseload form (a `set` the form carries). */
const CASELOAD_FORM = 'service.capacity={ caseload: 30, months_per_child: 7 }';

/** The `set` changes under which the form shows a row's box, or null when no form of the scenario shows it. */
function formShowing(row: InputRow): string[] | null {
  if (row.path in bundled.quantities) return [];
  if (row.field === 'capacityPerMonth') return [CASELOAD_FORM];
  return null;
}

/** The row's ends as the box shows them, worked out here from the row (not by the form's code). */
function ends(row: Pick<InputRow, 'min' | 'max' | 'limit' | 'minExclusive' | 'unit'>): {
  low: number;
  high: number | null;
  exclusive: boolean;
} {
  const scale = row.unit === 'percent' ? 100 : 1;
  const top = Number.isFinite(row.max) ? row.max : row.limit;
  return {
    low: Math.round(row.min * scale * 1e6) / 1e6,
    high: top === undefined ? null : Math.round(top * scale * 1e6) / 1e6,
    exclusive: row.minExclusive === true,
  };
}

const LOCALES: readonly { locale: Locale; prefix: string }[] = [
  { locale: 'en', prefix: '' },
  { locale: 'cy', prefix: '/cy' },
];

function tryUrl(prefix: string, sets: readonly string[], box: string, value: string | number): string {
  const query = new URLSearchParams([...sets.map((s) => ['set', s] as [string, string]), [box, String(value)], ['iterations', '0']]);
  return `${prefix}/scenarios/${NAME}/try?${query.toString()}`;
}

describe('every box the form shows is checked against its catalogue row', () => {
  it('shows every form row in some form of the bundled scenario', () => {
    for (const row of formRows()) expect(formShowing(row), row.path).not.toBeNull();
  });

  for (const row of formRows()) {
    for (const { locale, prefix } of LOCALES) {
      describe(`${row.form.name} (${row.path}, ${row.unit}) in ${locale}`, () => {
        const sets = formShowing(row) ?? [];
        const { low, high, exclusive } = ends(row);
        const label = withLocale(locale, () => inputLabel(row.path));
        const number = (value: number): string => withLocale(locale, () => formatNumber(value, Number.isInteger(value) ? 0 : 2));

        const refused = async (value: number, bound: number): Promise<void> => {
          const response = await request(app).get(tryUrl(prefix, sets, row.form.name, value));
          expect(response.status, `${value}`).toBe(422);
          const text = visible(response.text);
          // In the error summary, linked to the box, naming the box and the bound passed.
          const linked = new RegExp(`href="#${row.form.name}">([^<]*)<`).exec(response.text);
          expect(linked, `${value}: no error linked to #${row.form.name}`).not.toBeNull();
          const message = visible(linked![1]!).trim();
          expect(message).toContain(label);
          expect(message).toContain(number(bound));
          if (row.unit === 'percent' && high !== null) expect(message).toContain(number(high));
          // Beside the box, with what was typed kept.
          expect(response.text).toContain(`id="${row.form.name}-error"`);
          expect(response.text).toMatch(new RegExp(`id="${row.form.name}" name="${row.form.name}"[^>]*value="${value}"`));
          expect(text).toContain(message);
          expect(text).not.toContain('try.error');
        };

        const accepted = async (value: number): Promise<string> => {
          const response = await request(app).get(tryUrl(prefix, sets, row.form.name, value));
          expect(response.status, `${value}: ${visible(response.text).slice(0, 300)}`).toBe(303);
          return decodeURIComponent(response.headers.location!.replace(/\+/g, ' '));
        };

        it(`refuses a value below ${exclusive ? 'or at ' : ''}the row's lowest (${low})`, async () => {
          await refused(low - 1, low);
          if (exclusive) await refused(low, low);
        });

        if (high !== null) {
          it(`refuses a value above the row's highest (${high})`, async () => {
            await refused(high + 1, high);
          });
        }

        it('accepts values at the ends and inside, each as a change to its path', async () => {
          const inside = high === null ? low + 1 : (low + high) / 2;
          const values = [...(exclusive ? [] : [low]), inside, ...(high === null ? [] : [high])];
          for (const value of values) {
            const location = await accepted(value);
            expect(location).toMatch(new RegExp(`^${prefix}/scenarios/${NAME}\\?`));
            expect(location, `${value}`).toContain(`set=${row.path}=`);
          }
        });
      });
    }
  }

  // A distribution moved to the top of its range keeps its scaled bounds within the range (or the
  // sanity limit), so the file with the change is read and run rather than refused a page later.
  for (const row of formRows()) {
    it(`runs the page ${row.form.name} at its highest value leads to`, async () => {
      const { low, high } = ends(row);
      const response = await request(app).get(tryUrl('', formShowing(row) ?? [], row.form.name, high ?? low + 1));
      expect(response.status).toBe(303);
      const page = await request(app).get(response.headers.location!);
      expect(page.status, visible(page.text).slice(0, 400)).toBe(200);
    });
  }
});

describe('the grant share and the effectiveness range follow their catalogue ranges', () => {
  it('refuses a grant share outside 0 to 100% and accepts one at either end', async () => {
    const { low, high } = ends({ ...SCHEDULE_SHARE, unit: 'percent' });
    for (const value of [low - 1, high! + 1, 'lots']) {
      const response = await request(app).get(`/scenarios/${NAME}/try?grantShare=${value}&iterations=0`);
      expect(response.status, `${value}`).toBe(422);
      expect(visible(response.text)).toContain(`Enter Grant share from that month as a percentage from ${low} to ${high}`);
    }
    for (const value of [low, high!]) {
      const response = await request(app).get(`/scenarios/${NAME}/try?grantShare=${value}&iterations=0`);
      expect(response.status, `${value}`).toBe(303);
    }
  });

  it("refuses an effectiveness range outside the row's range or the wrong way round, and accepts its whole range", async () => {
    const row = INPUTS.find((r) => r.path === 'outcomes.effectiveness')!;
    const { low, high } = ends(row);
    for (const [a, b] of [
      [low - 1, high!],
      [low, high! + 1],
      [high!, low],
    ]) {
      const response = await request(app).get(`/scenarios/${NAME}/try?effectivenessLow=${a}&effectivenessHigh=${b}&iterations=0`);
      expect(response.status, `${a}-${b}`).toBe(422);
      expect(visible(response.text)).toContain(t('try.error.range'));
    }
    const response = await request(app).get(`/scenarios/${NAME}/try?effectivenessLow=${low}&effectivenessHigh=${high!}&iterations=0`);
    expect(response.status).toBe(303);
    expect(decodeURIComponent(response.headers.location!).replace(/\+/g, ' ')).toContain(
      `set=outcomes.effectiveness={ dist: uniform, min: ${low / 100}, max: ${high! / 100} }`,
    );
  });
});

describe('a row not on the form yet would be checked the same way (boxRange, outOfRange)', () => {
  for (const row of INPUTS) {
    it(`${row.path}: ${row.unit}, ${row.minExclusive ? 'more than' : 'from'} ${row.min} to ${Number.isFinite(row.max) ? row.max : (row.limit ?? 'no top')}`, () => {
      const { low, high, exclusive } = ends(row);
      const range = boxRange(row, row.unit);
      expect(range).toEqual({ min: low, max: high ?? Infinity, minExclusive: exclusive });
      const label = inputLabel(row.path);
      const below = outOfRange(low - 1, range, row.unit, label);
      expect(below).toContain(label);
      expect(below).toContain(formatNumber(low, Number.isInteger(low) ? 0 : 2));
      if (exclusive) expect(outOfRange(low, range, row.unit, label)).not.toBeNull();
      else expect(outOfRange(low, range, row.unit, label)).toBeNull();
      if (high !== null) {
        const above = outOfRange(high + 1, range, row.unit, label);
        expect(above).toContain(label);
        expect(above).toContain(formatNumber(high, Number.isInteger(high) ? 0 : 2));
        expect(outOfRange(high, range, row.unit, label)).toBeNull();
        expect(outOfRange((low + high) / 2, range, row.unit, label)).toBeNull();
      } else {
        expect(outOfRange(low + 1e9, range, row.unit, label)).toBeNull();
      }
    });
  }
});
