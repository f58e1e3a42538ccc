/**
 * The input catalogue (src/scenario/catalogue.ts) and every consumer of it: each row is checked
 * by validation, settable by an override, fed to the model, drawn, searched for a switching
 * value, swung in the tornado, labelled in both languages, listed in the workbook's inputs sheet
 * and, when it has a place there, offered on the "try a change" form. A row a consumer leaves out
 * fails here, so adding an input is one row (and its labels).
 * (Tests are not held to the layers, so this one reads the report and web consumers too.)
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { VARYING_FIELDS } from '../../src/model/simulate';
import { inputLabel, unitOf } from '../../src/report/inputs';
import { inputName } from '../../src/report/information';
import { cy } from '../../src/report/messages.cy';
import { en } from '../../src/report/messages.en';
import { t } from '../../src/report/messages';
import { resultsWorkbook } from '../../src/report/workbook';
import { headlineTornado } from '../../src/run/decision';
import { deterministicResults, KEY_INPUTS, searchRange, switchingInputPaths } from '../../src/run/deterministic';
import { inputColumns } from '../../src/run/draws';
import { tornado } from '../../src/run/montecarlo';
import { formRows, INPUTS, switchingPaths, type InputRow } from '../../src/scenario/catalogue';
import { CAPACITY_PATHS, FIELD_OF_PATH } from '../../src/scenario/fields';
import { buildInputs, centralValues } from '../../src/scenario/inputs';
import { loadScenario } from '../../src/scenario/load';
import { parseOverride, type Override } from '../../src/scenario/overrides';
import type { Scenario } from '../../src/scenario/types';
import { changesFromForm, knownPaths, tryFields, unknownKeys } from '../../src/web/tryChange';

const centralText = readFileSync(new URL('./fixtures/central.yaml', import.meta.url), 'utf8');

function overrides(texts: readonly string[]): Override[] {
  return texts.map((text) => {
    const override = parseOverride(text);
    if (typeof override === 'string') throw new Error(override);
    return override;
  });
}

/** The fixture with `changes` (key.path=value), and the problems' messages when it is refused. */
function load(changes: readonly string[]): { scenario?: Scenario; problems: { path: string; message: string }[] } {
  const result = loadScenario(centralText, 'central.yaml', overrides(changes));
  return result.ok ? { scenario: result.scenario, problems: [] } : { problems: result.problems };
}

function loaded(changes: readonly string[]): Scenario {
  const { scenario, problems } = load(changes);
  if (scenario === undefined) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return scenario;
}

/** The fixture's capacity is starts_per_year; the other two capacity rows need the caseload form. */
const CASELOAD_FORM = 'service.capacity={ caseload: 30, months_per_child: 7 }';
function formFor(row: InputRow): string[] {
  return row.field === 'capacityPerMonth' && row.path !== 'service.capacity.starts_per_year' ? [CASELOAD_FORM] : [];
}

const fixtureCentral = centralValues(loaded([]));

/** A value inside the row's range: the fixture's, else its default, else the middle of its range (10 when unbounded); never 0, so it can be scaled. */
function typicalValue(row: InputRow): number {
  const value = fixtureCentral[row.path] ?? row.defaultValue ?? (Number.isFinite(row.max) ? (row.min + row.max) / 2 : 10);
  return value === 0 ? 0.1 : value;
}

/** A uniform distribution within 10% of the typical value, kept inside the range. */
function uncertain(row: InputRow): string {
  const value = typicalValue(row);
  return `{ dist: uniform, min: ${Math.max(row.min, value * 0.9)}, max: ${Math.min(row.max, value * 1.1)} }`;
}

/** Every row that fits the form, at once, as uncertain: the fixture's starts form, or the caseload form. */
function everyRowUncertain(form: 'starts' | 'caseload'): Scenario {
  const rows = INPUTS.filter((row) => formFor(row).length > 0 === (form === 'caseload') || row.field !== 'capacityPerMonth');
  return loaded([...(form === 'caseload' ? [CASELOAD_FORM] : []), ...rows.map((row) => `${row.path}=${uncertain(row)}`)]);
}

const rowsOfForm = (form: 'starts' | 'caseload'): InputRow[] =>
  INPUTS.filter((row) => row.field !== 'capacityPerMonth' || formFor(row).length > 0 === (form === 'caseload'));

describe('the catalogue', () => {
  it('has one row per path, each with its words, unit and label', () => {
    expect(new Set(INPUTS.map((row) => row.path)).size).toBe(INPUTS.length);
    for (const row of INPUTS) {
      expect(row.label, row.path).toBe(`input.${row.path}`);
      if (row.name !== undefined) expect(row.name, row.path).toBe(`information.input.${row.path}`);
      expect(row.expected.length, row.path).toBeGreaterThan(0);
      expect(row.min, row.path).toBeLessThan(row.max);
      if (row.defaultValue !== undefined) expect(row.defaultValue >= row.min && row.defaultValue <= row.max, row.path).toBe(true);
    }
  });

  it('covers every varying model field, and every row feeds one (FIELD_OF_PATH and the capacity paths between them)', () => {
    const fields = new Set<string>(INPUTS.map((row) => row.field));
    expect([...VARYING_FIELDS].filter((field) => !fields.has(field))).toEqual([]);
    expect([...fields].filter((field) => !(VARYING_FIELDS as readonly string[]).includes(field))).toEqual([]);
    const capacity = INPUTS.filter((row) => row.field === 'capacityPerMonth').map((row) => row.path);
    expect(capacity).toEqual([...CAPACITY_PATHS]);
    expect(Object.keys(FIELD_OF_PATH).sort()).toEqual(
      INPUTS.filter((row) => row.field !== 'capacityPerMonth')
        .map((row) => row.path)
        .sort(),
    );
    for (const [path, field] of Object.entries(FIELD_OF_PATH)) expect(INPUTS.find((row) => row.path === path)?.field).toBe(field);
  });

  it("gives the switching and form places once each (capacity's two forms share one box)", () => {
    const places = INPUTS.flatMap((row) => (row.switching === undefined ? [] : [row.switching])).sort((a, b) => a - b);
    expect(places).toEqual(places.map((_, i) => i + 1));
    expect(KEY_INPUTS).toEqual(switchingPaths());
    const boxes = new Map<number, string>();
    for (const row of formRows()) {
      expect(boxes.get(row.form.order) ?? row.form.name, row.path).toBe(row.form.name);
      boxes.set(row.form.order, row.form.name);
    }
  });
});

describe('validation and overrides: every row', () => {
  it.each(INPUTS.map((row) => [row.path, row] as const))(
    '%s is accepted at a value inside its range, set by an override, and reaches the model',
    (_, row) => {
      const value = typicalValue(row);
      const scenario = loaded([...formFor(row), `${row.path}=${value}`]);
      expect(scenario.quantities[row.path]).toEqual({ kind: 'number', value });
      const inputs = buildInputs(scenario, centralValues(scenario));
      if (row.field === 'capacityPerMonth') {
        // starts a year / 12, or caseload / months a child (30 / 7 in the caseload form)
        const expected =
          row.path === 'service.capacity.starts_per_year' ? value / 12 : row.path === 'service.capacity.caseload' ? value / 7 : 30 / value;
        expect(inputs.capacityPerMonth).toBeCloseTo(expected, 12);
      } else {
        expect(inputs[row.field]).toBe(value);
      }
    },
  );

  it.each(INPUTS.map((row) => [row.path, row] as const))(
    '%s is refused outside its range (and past its sanity limit) in its own words',
    (_, row) => {
      const outside = [
        ...(Number.isFinite(row.min) ? [row.minExclusive ? row.min : row.min - 1] : []),
        ...(Number.isFinite(row.max) ? [row.max + 1] : []),
        ...(row.limit === undefined ? [] : [row.limit * 2]),
      ];
      expect(outside.length, 'every row has a bound or a limit').toBeGreaterThan(0);
      for (const value of outside) {
        const { scenario, problems } = load([...formFor(row), `${row.path}=${value}`]);
        expect(scenario, `${row.path}=${value}`).toBeUndefined();
        expect(problems, `${row.path}=${value}`).toHaveLength(1);
        expect(problems[0]).toMatchObject({ path: row.path });
        expect(problems[0]!.message).toContain(`expected ${row.expected}`);
      }
    },
  );
});

describe('draws, switching values and the tornado: every row', () => {
  for (const form of ['starts', 'caseload'] as const) {
    it(`every row of the ${form} form drawn uncertain gets a column of draws and a tornado bar`, () => {
      const scenario = everyRowUncertain(form);
      const rows = rowsOfForm(form);
      const length = 8;
      const drawn = new Map(rows.map((row) => [row.path, Float64Array.from({ length }, () => typicalValue(row))]));
      const columns = inputColumns(scenario, drawn, length);
      for (const row of rows) expect(columns[row.field], row.path).toBeInstanceOf(Float64Array);
      expect(
        tornado(scenario)[0]!
          .map((bar) => bar.input)
          .sort(),
      ).toEqual(rows.map((row) => row.path).sort());
      expect(
        headlineTornado(scenario)
          .map((bar) => bar.input)
          .sort(),
      ).toEqual(rows.map((row) => row.path).sort());
      // Every uncertain input is searched for a switching value, the key inputs first in their places.
      const searched = switchingInputPaths(scenario);
      expect([...searched].sort()).toEqual(rows.map((row) => row.path).sort());
      expect(searched.slice(0, KEY_INPUTS.filter((p) => p in scenario.quantities).length)).toEqual(
        KEY_INPUTS.filter((p) => p in scenario.quantities),
      );
    });
  }

  it.each(INPUTS.map((row) => [row.path, row] as const))(
    '%s is searched within its range, an unbounded end stopping at its sanity limit',
    (_, row) => {
      const scenario = loaded(formFor(row));
      const central = typicalValue(row);
      const range = searchRange(scenario, row.path, central);
      expect(range.min).toBe(Number.isFinite(row.min) ? row.min : central - 100 * Math.max(Math.abs(central), 1));
      // The reach of an unbounded end is 100 times the central value's size (src/run/deterministic.ts).
      const reach = central + 100 * Math.max(Math.abs(central), 1);
      expect(range.max).toBe(Number.isFinite(row.max) ? row.max : Math.min(reach, row.limit ?? Infinity));
    },
  );

  it('the deterministic results give a switching value for every key input the scenario has', () => {
    const scenario = loaded([]);
    const keys = KEY_INPUTS.filter((path) => path in scenario.quantities);
    expect(keys.length).toBeGreaterThan(5);
    expect(Object.keys(deterministicResults(scenario).options[0]!.breakEven.switchingValues).slice(0, keys.length)).toEqual(keys);
  });
});

describe('words: every row', () => {
  it.each(INPUTS.map((row) => [row.path, row] as const))('%s has its label (and name) in English and Welsh, and its unit', (_, row) => {
    expect(Object.hasOwn(en, row.label), `${row.label} in messages.en.ts`).toBe(true);
    expect(Object.hasOwn(cy, row.label), `${row.label} in messages.cy.ts`).toBe(true);
    expect(inputLabel(row.path)).toBe(en[row.label as keyof typeof en]);
    expect(unitOf(row.path)).toBe(row.unit);
    if (row.name !== undefined) {
      expect(Object.hasOwn(en, row.name), `${row.name} in messages.en.ts`).toBe(true);
      expect(Object.hasOwn(cy, row.name), `${row.name} in messages.cy.ts`).toBe(true);
      expect(inputName(row.path)).toBe(en[row.name as keyof typeof en]);
    } else {
      expect(inputName(row.path)).toBe(row.path);
    }
  });
});

describe('the workbook and the form: every row', () => {
  async function inputsSheetPaths(scenario: Scenario): Promise<readonly unknown[]> {
    const stamp = {
      scenarioName: 'x',
      file: 'x',
      hash: 'h',
      fileHash: 'f',
      modelVersion: 'v',
      seed: '7',
      iterations: 0,
      changes: [],
      ranAt: '2025-06-02T10:00:00.000Z',
      priceBase: '2024/25',
      discountRate: 0.035,
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsWorkbook(deterministicResults(scenario), scenario, stamp)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(t('xlsx.sheet.inputs'));
    if (sheet === undefined) throw new Error('no inputs sheet');
    let pathColumn = 0;
    sheet.eachRow((r) =>
      r.eachCell((cell, c) => {
        if (cell.value === t('workbook.head.path')) pathColumn = c;
      }),
    );
    expect(pathColumn).toBeGreaterThan(0);
    return sheet.getColumn(pathColumn).values;
  }

  for (const form of ['starts', 'caseload'] as const) {
    it(`the workbook's inputs sheet lists every row of the ${form} form`, async () => {
      const scenario = loaded([...(form === 'caseload' ? [CASELOAD_FORM] : []), 'finance.inflation=0.02']);
      const rows = rowsOfForm(form);
      expect(rows.every((row) => row.path in scenario.quantities)).toBe(true);
      const listed = await inputsSheetPaths(scenario);
      for (const row of rows) expect(listed, row.path).toContain(row.path);
    });
  }

  it('every row is a key a change may name', () => {
    for (const form of ['starts', 'caseload'] as const) {
      const scenario = loaded(form === 'caseload' ? [CASELOAD_FORM] : []);
      expect(INPUTS.filter((row) => !knownPaths(scenario).includes(row.path))).toEqual([]);
      expect(
        unknownKeys(
          scenario,
          INPUTS.map((row) => `${row.path}=1`),
        ),
      ).toEqual([]);
    }
  });

  it.each(formRows().map((row) => [row.path, row] as const))(
    'the form offers %s where the scenario has it, and turns a new value into a change of it',
    (_, row) => {
      const scenario = loaded([...formFor(row), `${row.path}=${typicalValue(row)}`]);
      const field = tryFields(scenario).find((f) => f.name === row.form.name);
      expect(field).toMatchObject({ path: row.path, unit: row.unit, label: inputLabel(row.path) });
      // A new value: a percentage as the form shows it (25 for 25%), else the number.
      const target = row.unit === 'percent' ? 0.3 : 1234;
      const typed = row.unit === 'percent' ? '30' : '1234';
      expect(changesFromForm(scenario, { [row.form.name]: typed })).toEqual({ changes: [`${row.path}=${target}`], errors: [] });
    },
  );

  it('the form shows its rows in their places, then the extension years', () => {
    const names = [...new Set(formRows().map((row) => row.form.name))];
    expect(tryFields(loaded([])).map((f) => f.name)).toEqual([...names, 'extensionYears']);
    expect(tryFields(loaded([CASELOAD_FORM])).map((f) => f.name)).toEqual([...names, 'extensionYears']);
  });
});
