/**
 * A "what if": the headline figures of a run with changes beside the same figures from the file
 * as it is, with what changed and by how much, and the changed assumptions in words.
 */
import type { Results } from '../model/results';
import { centralValues } from '../scenario/inputs';
import type { Scenario } from '../scenario/types';
import { decisionOf, headlineMeasure, headlineValue, perspectivesOf, REGION } from './decision';
import { formatMoneyShort, formatPercent, formatNumber } from './format';
import { focusOption, optionName } from './headline';
import { inputLabel, listInWords, unitOf, valueInWords } from './inputs';
import { t, tPlural } from './messages';

export interface WhatIf {
  inputs: { label: string; before: string; after: string }[];
  rows: { figure: string; before: string; after: string; change: string; changed: boolean }[];
  /** Which headline figures changed and by how much, in one sentence. */
  summary: string;
  /** The changes as key paths, for the technical line. */
  changes: string[];
}

interface Side {
  scenario: Scenario;
  results: Results;
}

function moneyChange(before: number, after: number): { text: string; changed: boolean } {
  const gap = after - before;
  if (Math.abs(gap) < 500) return { text: t('whatif.same'), changed: false };
  return { text: t(gap > 0 ? 'whatif.up' : 'whatif.down', { amount: formatMoneyShort(Math.abs(gap)) }), changed: true };
}

/** A signed amount for a table cell: "£1.2m", "−£310k" (true minus). */
function signedShort(pounds: number): string {
  return pounds < 0 ? `\u2212${formatMoneyShort(-pounds)}` : formatMoneyShort(pounds);
}

/** The central value of an input in words, or the change's own text when it is not a number. */
function valueOf(side: Side, path: string, fallback: string): string {
  const date = /^funding\.schedule\.(\d+)\.(from|to)$/.exec(path);
  if (date !== null) return side.scenario.fundingSchedule?.[Number(date[1])]?.[date[2] as 'from' | 'to'] ?? fallback;
  const central = centralValues(side.scenario)[path];
  return central === undefined ? fallback : valueInWords(central, unitOf(path));
}

/**
 * The what-if of `after` (the file with `changes`) against `before` (the file as it is).
 * @example whatIf(before, after, ['outcomes.effectiveness=0.3']).rows[0] // { figure: "Best option for the region", before: "No extension", after: "4 extension years", ... }
 */
export function whatIfOf(before: Side, after: Side, changes: readonly string[]): WhatIf {
  const label = (path: string): string => {
    const date = /^funding\.schedule\.(\d+)\.(from|to)$/.exec(path);
    if (date !== null) return t(date[2] === 'from' ? 'whatif.input.from' : 'whatif.input.to', { n: Number(date[1]) + 1 });
    return inputLabel(path, after.scenario.councils, after.scenario.fundingSchedule ?? []);
  };
  const inputs = changes.map((change) => {
    const at = change.indexOf('=');
    const path = change.slice(0, at);
    return { label: label(path), before: valueOf(before, path, '–'), after: valueOf(after, path, change.slice(at + 1)) };
  });
  const rows: WhatIf['rows'] = [];
  const maxYears = after.scenario.contract.maxYears;
  const focus = maxYears >= 1 ? focusOption(after.results, maxYears) : 0;
  const [db, da] = [decisionOf(before.results), decisionOf(after.results)];
  const [mb, ma] = [headlineMeasure(before.results), headlineMeasure(after.results)];
  for (const perspective of perspectivesOf(after.results)) {
    const [pb, pa] = [db[perspective], da[perspective]];
    if (pb === undefined || pa === undefined) continue;
    const who = perspective === REGION ? t('headline.whoRegion') : perspective;
    const same = pb.bestOption === pa.bestOption;
    rows.push({
      figure: t('whatif.row.best', { who }),
      before: optionName(pb.bestOption),
      after: optionName(pa.bestOption),
      change: same ? t('whatif.same') : t('whatif.changed', { option: optionName(pa.bestOption), before: optionName(pb.bestOption) }),
      changed: !same,
    });
    if (focus === 0) continue;
    const [ob, oa] = [pb.options.find((o) => o.extensionYears === focus), pa.options.find((o) => o.extensionYears === focus)];
    if (ob === undefined || oa === undefined) continue;
    const [vb, va] = [headlineValue(ob.incrementalNpv, mb), headlineValue(oa.incrementalNpv, ma)];
    const moved = moneyChange(vb, va);
    rows.push({
      figure: t('whatif.row.adds', { option: optionName(focus), who }),
      before: signedShort(vb),
      after: signedShort(va),
      change: moved.text,
      changed: moved.changed,
    });
    if (perspective !== REGION) continue;
    if (ob.probabilityBest !== null && oa.probabilityBest !== null) {
      const points = Math.round((oa.probabilityBest - ob.probabilityBest) * 100);
      rows.push({
        figure: t('whatif.row.chance', { option: optionName(focus) }),
        before: formatPercent(ob.probabilityBest, 0),
        after: formatPercent(oa.probabilityBest, 0),
        change:
          points === 0
            ? t('whatif.same')
            : t(points > 0 ? 'whatif.upPoints' : 'whatif.downPoints', { points: formatNumber(Math.abs(points)) }),
        changed: points !== 0,
      });
    }
    if (ob.incrementalNpv.p10 !== null && oa.incrementalNpv.p10 !== null) {
      const worst = moneyChange(ob.incrementalNpv.p10, oa.incrementalNpv.p10);
      rows.push({
        figure: t('whatif.row.worst', { option: optionName(focus) }),
        before: signedShort(ob.incrementalNpv.p10),
        after: signedShort(oa.incrementalNpv.p10),
        change: worst.text,
        changed: worst.changed,
      });
    }
  }
  const moved = rows.filter((row) => row.changed);
  const summary =
    moved.length === 0
      ? t('whatif.summary.none')
      : tPlural('whatif.summary.some', moved.length, {
          items: listInWords(
            moved.map((row) =>
              t('whatif.summary.item', { figure: row.figure.charAt(0).toLowerCase() + row.figure.slice(1), change: row.change }),
            ),
            t('list.and'),
          ),
        });
  return { inputs, rows, summary, changes: [...changes] };
}
