/**
 * The scenario's own text in the language in force (issue 14): picking the Welsh with an English
 * fallback, council names by key, the notice when some text is English only, and the report,
 * exports and stamp using the chosen language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/analyse';
import { resultsCsv } from '../../src/report/csv';
import { councilName, localText, scenarioName } from '../../src/report/localText';
import { withLocale } from '../../src/report/messages';
import { scenarioReport } from '../../src/report/scenarioReport';
import { englishOnlyListNotice, englishOnlyNotice, lacksTranslation } from '../../src/report/scenarioText';
import { runStamp } from '../../src/report/stamp';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';

function load(text: string, file = 'text.yaml'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

const bundled = (name: string): Scenario =>
  load(readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);

/** A small file whose every text has Welsh; `change` replaces one piece to take some away. */
function smallFile(change: [string, string] = ['', '']): string {
  const text = `name: { en: Small, cy: Bach }
description: { en: A small case., cy: Achos bach. }
sources: [{ en: Cabinet report, cy: Adroddiad i’r cabinet }]
contract: { start: 2025-01-03, base_end: 2027-03-31, annual_value: { value: 660546, source: { en: Price, cy: Pris } } }
councils:
  - { name: Bridgend, label: { en: Bridgend, cy: Pen-y-bont ar Ogwr }, children_share: 1, match_share: 1 }
service: { referrals_per_year: 60, capacity: { starts_per_year: 52 } }
outcomes:
  breakdown_risk: 0.25
  effectiveness: 0.25
  residential_escalation: 0.2
  residential_weeks: 52
  residential_weekly_cost: 5631
`;
  return text.replace(change[0], change[1]);
}

describe('localText', () => {
  it('gives the Welsh under cy and the English otherwise, falling back to English', () => {
    const both = { en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' };
    expect(localText(both, 'en')).toBe('Bridgend');
    expect(localText(both, 'cy')).toBe('Pen-y-bont ar Ogwr');
    expect(localText({ en: 'Bridgend' }, 'cy')).toBe('Bridgend');
    expect(withLocale('cy', () => localText(both))).toBe('Pen-y-bont ar Ogwr');
  });

  it('names a council and the scenario from the results, and copes with results stored before they carried the text', () => {
    const results = {
      scenario: {
        name: 'Small',
        hash: 'abc',
        text: { name: { en: 'Small', cy: 'Bach' }, councils: { Bridgend: { en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' } } },
      },
    };
    expect([scenarioName(results, 'cy'), councilName(results, 'Bridgend', 'cy'), councilName(results, 'Bridgend', 'en')]).toEqual([
      'Bach',
      'Pen-y-bont ar Ogwr',
      'Bridgend',
    ]);
    const older = { scenario: { name: 'Small', hash: 'abc' } };
    expect([scenarioName(older, 'cy'), councilName(older, 'Bridgend', 'cy')]).toEqual(['Small', 'Bridgend']);
  });
});

describe('the notice that some of the scenario text is in English only', () => {
  it('is never shown in English, and not in Welsh when every text has its Welsh', () => {
    const scenario = load(smallFile());
    expect(lacksTranslation(scenario, 'cy')).toBe(false);
    expect(englishOnlyNotice(scenario, 'cy')).toBeNull();
    expect(englishOnlyNotice(load(smallFile(['name: { en: Small, cy: Bach }', 'name: Small'])), 'en')).toBeNull();
  });

  it('is shown in Welsh when any one text lacks its Welsh: the name, a source, a source note, a council name or a comment shown as a note', () => {
    const missing: [string, string][] = [
      ['name: { en: Small, cy: Bach }', 'name: Small'],
      ['{ en: Cabinet report, cy: Adroddiad i’r cabinet }', 'Cabinet report'],
      ['source: { en: Price, cy: Pris }', 'source: Price'],
      ['label: { en: Bridgend, cy: Pen-y-bont ar Ogwr }', 'label: Bridgend'],
      ['  residential_weeks: 52', '  residential_weeks: 52   # a year, an assumption'],
    ];
    for (const change of missing) {
      const scenario = load(smallFile(change));
      expect(lacksTranslation(scenario, 'cy'), change[1]).toBe(true);
      expect(englishOnlyNotice(scenario, 'cy')).toBe(
        'Mae rhywfaint o destun y senario hwn (ei enw, ei ddisgrifiad, ei ffynonellau neu’r nodiadau am y ffigurau) ar gael yn Saesneg yn unig.',
      );
    }
    // A file with no description at all lacks nothing by that.
    expect(lacksTranslation(load(smallFile(['description: { en: A small case., cy: Achos bach. }\n', ''])), 'cy')).toBe(false);
  });

  it('is said once for the scenarios list when any of them lacks Welsh', () => {
    expect(englishOnlyListNotice(true, 'cy')).toBe(
      'Mae rhywfaint o destun y senarios hyn (enwau, disgrifiadau, ffynonellau neu nodiadau am y ffigurau) ar gael yn Saesneg yn unig.',
    );
    expect([englishOnlyListNotice(false, 'cy'), englishOnlyListNotice(true, 'en')]).toEqual([null, null]);
  });
});

describe('the report, exports and stamp in the chosen language', () => {
  it('words the Bridgend view in Welsh with Welsh council names, and in English with English ones', async () => {
    const scenario = bundled('bridgend');
    const results = await runScenario(scenario, { iterations: 0 });
    const context = { file: 'bridgend', fileHash: scenario.hash, changes: [], ranAt: new Date('2025-06-02T10:00:00Z') };
    const welsh = withLocale('cy', () => scenarioReport(results, scenario, runStamp(results, context)));
    expect(welsh.title).toBe('Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr');
    expect(welsh.englishOnly).toBeNull();
    expect(welsh.sources[0]).toBe(
      'Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr, adroddiad i’r cabinet ar gontract CLASS (MAPSS gynt), Gorffennaf 2024',
    );
    expect(welsh.councils.map((c) => c.name)).toEqual(['Pen-y-bont ar Ogwr', 'Rhondda Cynon Taf', 'Merthyr Tudful']);
    expect(welsh.decision.perspectives.map((p) => p.title)).toEqual([
      'Pen-y-bont ar Ogwr',
      'Y rhanbarth',
      'Rhondda Cynon Taf',
      'Merthyr Tudful',
    ]);
    expect(welsh.stamp.scenarioName).toBe('Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr');
    // Every sentence about a council names it in Welsh: no "Bridgend" or "Merthyr Tydfil" left in the words.
    const words = [
      ...welsh.decision.words.flatMap((w) => [w.title, ...w.sentences]),
      ...welsh.overview.others.map((line) => line.text),
      ...welsh.grant.flatMap((g) => [g.council, g.text]),
      ...welsh.headlines.flatMap((h) => [h.region, ...h.councils.flatMap((c) => [c.council, c.text])]),
      // Variables are named by their key (bridgend_share_of_region), so only the inputs' labels.
      ...welsh.assumptions.flatMap((a) => [a.path.startsWith('variables.') ? '' : a.label, a.provenanceSource]),
    ].join('\n');
    expect(words).not.toMatch(/Bridgend|Merthyr Tydfil/);
    expect(words).toContain('Pen-y-bont ar Ogwr');
    const english = withLocale('en', () => scenarioReport(results, scenario, runStamp(results, context)));
    expect(english.title).toBe("CLASS regional contract, Bridgend's view");
    expect(english.decision.perspectives[0]?.title).toBe('Bridgend');
    // The keys do not change with the language: perspectives are still named by them.
    expect(welsh.decision.perspectives[0]?.perspective).toBe('Bridgend');
  });

  it('puts the scenario name and the council in the chosen language in the CSV', async () => {
    const scenario = bundled('bridgend');
    const results = await runScenario(scenario, { iterations: 0 });
    const welsh = withLocale('cy', () => resultsCsv(results)).split('\n');
    expect(welsh[1]).toContain('Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr');
    // The perspective column names the council as its Welsh label, as the Welsh headers do (test/web/welshExports.test.ts).
    expect(welsh.some((row) => row.includes(',Pen-y-bont ar Ogwr,'))).toBe(true);
    expect(welsh.some((row) => row.includes(',Bridgend,'))).toBe(false);
    expect(withLocale('en', () => resultsCsv(results)).split('\n')[1]).toContain("CLASS regional contract, Bridgend's view");
    // The machine-readable results keep the English name (shared/model.md section 9) and carry the Welsh beside it.
    expect(results.scenario.name).toBe("CLASS regional contract, Bridgend's view");
    expect(results.scenario.text?.councils.Bridgend).toEqual({ en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' });
  });
});
