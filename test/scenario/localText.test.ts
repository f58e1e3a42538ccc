/**
 * A scenario's own text in English and Welsh (issue 14): `name`, `description`, `sources`, each
 * input's `source:` and a council's `label:` may be a string (English) or `{ en, cy }`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import { parseOverride, type Override } from '../../src/scenario/overrides';
import type { LoadResult, Scenario } from '../../src/scenario/types';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function loaded(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

function problemLines(text: string): string[] {
  const result = loadScenario(text, 'text.yaml');
  if (result.ok) throw new Error('expected problems, the scenario loaded');
  return result.problems.map(formatProblem);
}

/** The section 2 example with one piece of text replaced. */
function central(replace: string, by: string): string {
  const text = fixture('central.yaml');
  if (!text.includes(replace)) throw new Error(`fixture has no ${replace}`);
  return text.replace(replace, by);
}

const override = (text: string): Override => {
  const parsed = parseOverride(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

const BILINGUAL = `name:
  en: CLASS central case
  cy: CLASS, achos canolog
description: { en: The central case., cy: Yr achos canolog. }
sources:
  - Bridgend cabinet report
  - { en: Green Book, cy: Y Llyfr Gwyrdd }
variables:
  children: { value: 157, source: { en: Cabinet report 2.4, cy: Adroddiad i’r cabinet 2.4 }, status: published }
contract:
  start: 2025-01-03
  base_end: 2027-03-31
  annual_value: { value: 660546, source: { en: Cabinet report 8, cy: Adroddiad i’r cabinet 8 }, status: published }
funding:
  external_share: 0.9
  schedule:
    - { from: 2025-01-03, to: 2025-12-31, external_share: 1, source: { en: Year one, cy: Y flwyddyn gyntaf } }
councils:
  - name: Bridgend
    label: { en: Bridgend, cy: Pen-y-bont ar Ogwr }
    children_share: { value: 0.4, source: { en: Assumption, cy: Rhagdybiaeth } }
    match_share: 0.4
  - { name: Merthyr Tydfil, label: { en: Merthyr Tydfil }, children_share: 0.6, match_share: 0.6 }
service:
  referrals_per_year: { value: "children / 2.5", source: Bridgend's children a year }
  capacity: { starts_per_year: 52 }
outcomes:
  breakdown_risk: 0.25
  effectiveness: { dist: pert, min: 0.1, mode: 0.25, max: 0.5, source: { en: No evaluation, cy: Dim gwerthusiad } }
  residential_escalation: 0.2
  residential_weeks: 52
  residential_weekly_cost: 5631
decision: { perspective: Bridgend }
`;

describe('scenario text in English and Welsh', () => {
  it('reads a plain string as English only', () => {
    const scenario = loaded(loadScenario(fixture('central.yaml'), 'central.yaml'));
    expect(scenario.name).toEqual({ en: 'CLASS regional service, central case' });
    expect(scenario.description).toEqual({ en: 'Free text shown on the scenario page.' });
    expect(scenario.sources).toEqual([{ en: 'Bridgend cabinet report, 23 July 2024' }]);
    // No label: the council's name is its label, in English only.
    expect(scenario.councils[0]).toEqual({ name: 'Bridgend', label: { en: 'Bridgend' }, childrenShare: 0.35, matchShare: 0.303 });
  });

  it('reads { en, cy } for the name, description, sources, every kind of source note and a council label', () => {
    const scenario = loaded(loadScenario(BILINGUAL, 'bilingual.yaml'));
    expect(scenario.name).toEqual({ en: 'CLASS central case', cy: 'CLASS, achos canolog' });
    expect(scenario.description).toEqual({ en: 'The central case.', cy: 'Yr achos canolog.' });
    expect(scenario.sources).toEqual([{ en: 'Bridgend cabinet report' }, { en: 'Green Book', cy: 'Y Llyfr Gwyrdd' }]);
    expect(scenario.provenance['variables.children']).toEqual({
      source: { en: 'Cabinet report 2.4', cy: 'Adroddiad i’r cabinet 2.4' },
      status: 'published',
    });
    expect(scenario.provenance['contract.annual_value']?.source).toEqual({ en: 'Cabinet report 8', cy: 'Adroddiad i’r cabinet 8' });
    expect(scenario.provenance['funding.schedule.0.external_share']?.source).toEqual({ en: 'Year one', cy: 'Y flwyddyn gyntaf' });
    expect(scenario.provenance['councils.0.children_share']?.source).toEqual({ en: 'Assumption', cy: 'Rhagdybiaeth' });
    expect(scenario.provenance['service.referrals_per_year']?.source).toEqual({ en: "Bridgend's children a year" });
    expect(scenario.provenance['outcomes.effectiveness']?.source).toEqual({ en: 'No evaluation', cy: 'Dim gwerthusiad' });
    expect(scenario.councils.map((c) => [c.name, c.label])).toEqual([
      ['Bridgend', { en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' }],
      ['Merthyr Tydfil', { en: 'Merthyr Tydfil' }],
    ]);
    // The key stays the English name: the perspective still names it.
    expect(scenario.decision.perspective).toBe('Bridgend');
    expect(scenario.warnings).toEqual([]);
  });

  it('says where a wrongly written text is, with what was expected, all at once', () => {
    // Columns counted by hand: the unknown key at the key, the others at the value.
    const text = BILINGUAL.replace('  en: CLASS central case\n', '  en: 1\n')
      .replace('{ en: The central case., cy: Yr achos canolog. }', '{ cy: Yr achos canolog. }')
      .replace('{ en: Green Book, cy: Y Llyfr Gwyrdd }', '{ en: Green Book, fr: Livre vert }')
      .replace('label: { en: Bridgend, cy: Pen-y-bont ar Ogwr }', "label: { en: Bridgend, cy: '' }")
      .replace('source: { en: No evaluation, cy: Dim gwerthusiad }', 'source: [No evaluation]');
    expect(problemLines(text)).toEqual([
      'text.yaml:2:7 name.en: expected a name for the scenario in English, got 1',
      'text.yaml:4:14 description.en: required key is missing; expected text describing the scenario in English',
      'text.yaml:7:23 sources.1.fr: unknown key `fr`',
      'text.yaml:20:32 councils.0.label.cy: expected the council name as a reader sees it in Welsh, got empty text',
      'text.yaml:29:72 outcomes.effectiveness.source: expected text saying where the figure comes from, got a list',
    ]);
  });

  it('refuses a number or a list where text is expected, as before', () => {
    expect(problemLines(central('description: Free text shown on the scenario page.', 'description: 5'))).toEqual([
      'text.yaml:4:14 description: expected text describing the scenario, got 5',
    ]);
    expect(problemLines(central('name: CLASS regional service, central case', 'name: { en: "  " }'))).toEqual([
      'text.yaml:3:13 name.en: expected a name for the scenario in English, got empty text',
    ]);
  });

  it('flags hidden characters in the Welsh name as in the English', () => {
    const scenario = loaded(loadScenario(BILINGUAL.replace('cy: CLASS, achos canolog', 'cy: "CLASS\u202E, achos canolog"'), 'hidden.yaml'));
    expect(scenario.warnings.map(formatProblem)).toEqual([
      'hidden.yaml:3:7 name.cy: the name holds characters that cannot be seen or that change the direction of the text (U+202E at character 6), so it can look like another name; remove them',
    ]);
  });

  it('takes a bilingual name from --set, and a number changed by --set leaves the text alone', () => {
    const plain = loaded(loadScenario(BILINGUAL, 'bilingual.yaml'));
    const renamed = loaded(loadScenario(BILINGUAL, 'bilingual.yaml', [override('name={en: What if, cy: Beth os}')]));
    expect(renamed.name).toEqual({ en: 'What if', cy: 'Beth os' });
    expect(renamed.hash).not.toBe(plain.hash);
    const changed = loaded(loadScenario(BILINGUAL, 'bilingual.yaml', [override('outcomes.residential_weeks=40')]));
    expect(changed.quantities['outcomes.residential_weeks']).toEqual({ kind: 'number', value: 40 });
    expect([changed.name, changed.description, changed.councils[0]?.label]).toEqual([
      plain.name,
      plain.description,
      plain.councils[0]?.label,
    ]);
  });

  it('gives every bundled scenario its name, description, sources, source notes and council names in Welsh, the keys unchanged', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBe(7);
    for (const file of files) {
      const scenario = loaded(loadScenario(readFileSync(new URL(file, dir), 'utf8'), file));
      const texts = [
        scenario.name,
        scenario.description,
        ...scenario.sources,
        ...Object.values(scenario.provenance).flatMap((p) => (p.source ? [p.source] : [])),
        ...scenario.councils.map((c) => c.label),
      ];
      expect(texts.filter((text) => text.cy === undefined || text.cy.trim() === '').map((text) => `${file}: ${text.en}`)).toEqual([]);
      expect(scenario.councils.map((c) => c.name)).toEqual(['Bridgend', 'Rhondda Cynon Taf', 'Merthyr Tydfil']);
      expect(scenario.councils.map((c) => c.label.cy)).toEqual(['Pen-y-bont ar Ogwr', 'Rhondda Cynon Taf', 'Merthyr Tudful']);
    }
  });
});
