/** The main loop: one block of draws through the waiting list, placements, money and payback. */
import { binomial } from '../random/sample';
import type { Rng } from '../random/rng';
import { WEEKS_PER_MONTH } from '../time';
import { addFanCohort } from './accumulate';
import { at, costShapeVaries, type InputColumns } from './inputs';
import type { SimulationOutput } from './output';
import { addPlacementWeeks, placementSum } from './placements';
import type { SimulationLayout, SimulationPlan } from './plan';
import { fillStarts, fillStartsWithChance, startsShape, StartsShape } from './waitingList';
import { Workspace } from './workspace';

/**
 * Runs iterations [from, to) of a block whose input columns start at iteration `columnOffset`,
 * writing into `out` at the same iteration indices. `rng` is only used with process variability.
 */
export function simulateBlock(
  plan: SimulationPlan,
  layout: SimulationLayout,
  columns: InputColumns,
  columnOffset: number,
  from: number,
  to: number,
  out: SimulationOutput,
  rng: Rng | null,
  workspace?: Workspace,
): void {
  if (!out.costShapeVaries && costShapeVaries(columns)) throw new Error('simulateBlock: the cost shape varies but the output keeps one set of cost sums');
  const ws = workspace ?? new Workspace(layout, plan.base);
  const base = plan.base;
  const options = layout.options;
  const terms = layout.terms;
  const longestTerm = ws.longestTerm;
  const councils = base.councils;
  const perspectiveCount = layout.perspectives.length;
  const childrenShares = councils.map((c) => c.childrenShare);
  const matchShares = councils.map((c) => c.matchShare);
  const paybackFound = new Int16Array(perspectiveCount);
  const yearOfMonth = layout.timeline.yearOfMonth;
  const years = layout.timeline.yearLabels.length;
  const maxLengthMonths = (plan.longestWeeks * 12) / 52;
  // The smallest option that includes start month m.
  const firstOptionWithMonth = new Int32Array(longestTerm);
  for (let m = 0, k = 0; m < longestTerm; m++) {
    while (terms[k]! <= m) k++;
    firstOptionWithMonth[m] = k;
  }

  const longestLast = maxLengthMonths <= 0.5 ? 0 : Math.ceil(0.5 + maxLengthMonths) - 1;
  // Start-shape tables pay off only when the money factors stay the same across iterations.
  const moneyFixed = typeof columns.discountRate === 'number' && typeof columns.residentialCostGrowth === 'number' && typeof columns.inflation === 'number';
  const referralShapeFixed = typeof columns.referralGrowth === 'number';
  const placements = ws.placements;
  const prevented = ws.prevented;
  const prefix = ws.placementPrefix;

  for (let i = from; i < to; i++) {
    const c = i - columnOffset;

    const lengthMonths = Math.min(maxLengthMonths, (at(columns, 'residentialWeeks', c) * 12) / 52);
    const last = lengthMonths <= 0.5 ? 0 : Math.ceil(0.5 + lengthMonths) - 1;
    const lastShare = 0.5 + lengthMonths - last;
    // The money factors as far as this draw reads them: its placements' tails (all of the horizon
    // for start-shape tables, which span every length, and for one length per placement).
    const moneyNeed = moneyFixed || plan.processVariability ? ws.months : longestTerm + last + 2;
    ws.updateMoneyFactors(at(columns, 'residentialCostGrowth', c), at(columns, 'discountRate', c), at(columns, 'inflation', c), moneyNeed);
    ws.updateReferralShape(at(columns, 'referralGrowth', c));
    ws.updateCostShape(at(columns, 'annualUplift', c), at(columns, 'externalShare', c), columns, c);
    const cost = ws.cost;
    const endMonth = cost.endMonth;
    const cashableShare = at(columns, 'cashableShare', c);

    const referralsPerMonth = at(columns, 'referralsPerYear', c) / 12;
    const capacity = at(columns, 'capacityPerMonth', c);
    const preventedPerStart = at(columns, 'breakdownRisk', c) * at(columns, 'effectiveness', c) * at(columns, 'attribution', c);
    const escalation = at(columns, 'residentialEscalation', c);
    const netWeekly = at(columns, 'residentialWeeklyCost', c) - at(columns, 'alternativeWeeklyCost', c);
    const moveCost = at(columns, 'moveCost', c);
    const kept = 1 - at(columns, 'optimismBias', c);
    const monthlyCost = (at(columns, 'annualValue', c) / 12) * (1 + at(columns, 'costOptimismBias', c));
    const cashGrowth = ws.cashGrowth;
    const discount = ws.discount;
    const deflator = ws.deflator;
    const fan = i < out.fanIterations;

    // Where the payback check and the fan read placements and prevented breakdowns by start
    // month: a fixed shape times a rate, or this iteration's own arrays (rates 1).
    let placementSource = placements;
    let placementPrefix = prefix;
    let preventedSource = prevented;
    let placementRate = 1;
    let preventedRate = 1;
    let placementMax = 0;
    let preventedMax = 0;

    if (!plan.processVariability) {
      const shape = startsShape(ws, referralsPerMonth, capacity);
      if (shape !== StartsShape.Other && moneyFixed && (shape === StartsShape.Flat || referralShapeFixed)) {
        // Starts are scale x a fixed shape (stopping where the contract ended): every option's
        // totals from the tables, O(1) each.
        const tables = ws.tablesFor(shape, longestLast, endMonth);
        const scale = shape === StartsShape.Flat ? capacity : referralsPerMonth;
        preventedRate = scale * preventedPerStart;
        placementRate = preventedRate * escalation;
        const residential = placementRate * netWeekly * WEEKS_PER_MONTH;
        const moves = preventedRate * moveCost;
        for (let k = 0; k < options; k++) {
          out.avoidedCostPV[k]![i] = kept * (residential * tables.pv.placementSum(k, lengthMonths, last) + moves * tables.moves[k]!);
          const residentialCash = residential * tables.cash.placementSum(k, lengthMonths, last);
          const movesCash = moves * tables.movesCash[k]!;
          out.avoidedCost[k]![i] = kept * (residentialCash + movesCash);
          out.avoidedCostCashable[k]![i] = kept * (cashableShare * residentialCash + movesCash);
          out.placementsAvoided[k]![i] = placementRate * tables.starts[k]!;
        }
        placementSource = tables.shape;
        placementPrefix = tables.shapePrefix;
        preventedSource = tables.shape;
        placementMax = placementRate * tables.shapeMax;
        preventedMax = preventedRate * tables.shapeMax;
      } else {
        fillStarts(ws, referralsPerMonth, capacity, base.maxWaitMonths);
        const starts = ws.starts;
        starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
        for (let m = 0; m < longestTerm; m++) {
          const prev = starts[m]! * preventedPerStart;
          prevented[m] = prev;
          placements[m] = prev * escalation;
          prefix[m + 1] = prefix[m]! + prev * escalation;
          if (prev > preventedMax) preventedMax = prev;
        }
        placementMax = preventedMax * escalation;
        // Value per placement started in month m: weeks x growth (x discount), O(1) each.
        const pvPrefix = ws.growthDiscountPrefix;
        const pvFactor = ws.growthDiscount;
        const cashPrefix = ws.cashGrowthPrefix;
        let pvSum = 0;
        let cashSum = 0; // residential part, cash
        let movesCashSum = 0;
        let option = 0;
        for (let m = 0; m < longestTerm; m++) {
          const place = placements[m]!;
          let unitPV: number;
          let unitCash: number;
          if (last === 0) {
            unitPV = lengthMonths * pvFactor[m]!;
            unitCash = lengthMonths * cashGrowth[m]!;
          } else {
            unitPV = 0.5 * pvFactor[m]! + (pvPrefix[m + last]! - pvPrefix[m + 1]!) + lastShare * pvFactor[m + last]!;
            unitCash = 0.5 * cashGrowth[m]! + (cashPrefix[m + last]! - cashPrefix[m + 1]!) + lastShare * cashGrowth[m + last]!;
          }
          pvSum += place * netWeekly * WEEKS_PER_MONTH * unitPV + prevented[m]! * moveCost * discount[m]!;
          cashSum += place * netWeekly * WEEKS_PER_MONTH * unitCash;
          movesCashSum += prevented[m]! * moveCost * deflator[m]!;
          while (option < options && terms[option] === m + 1) {
            out.avoidedCostPV[option]![i] = pvSum * kept;
            out.avoidedCost[option]![i] = (cashSum + movesCashSum) * kept;
            out.avoidedCostCashable[option]![i] = (cashableShare * cashSum + movesCashSum) * kept;
            out.placementsAvoided[option]![i] = prefix[m + 1]!;
            option++;
          }
        }
      }
    } else {
      fillStartsWithChance(ws, rng!, referralsPerMonth, capacity, base.maxWaitMonths);
      const starts = ws.starts;
      starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
      ws.weeks.fill(0);
      if (fan) {
        ws.fanAccumulator.fill(0);
        ws.fanCashableAccumulator.fill(0);
      }
      let pvSum = 0;
      let cashSum = 0; // residential part, cash
      let movesCashSum = 0;
      let option = 0;
      for (let m = 0; m < longestTerm; m++) {
        const prev = binomial(rng!, starts[m]!, preventedPerStart);
        const place = binomial(rng!, prev, escalation);
        prevented[m] = prev;
        placements[m] = place;
        prefix[m + 1] = prefix[m]! + place;
        for (let p = 0; p < place; p++) {
          const length = plan.placementWeeks ? Math.min(maxLengthMonths, (plan.placementWeeks(rng!) * 12) / 52) : lengthMonths;
          pvSum += netWeekly * WEEKS_PER_MONTH * placementSum(ws.growthDiscountPrefix, ws.growthDiscount, m, length);
          cashSum += netWeekly * WEEKS_PER_MONTH * placementSum(ws.cashGrowthPrefix, cashGrowth, m, length);
          addPlacementWeeks(ws.weeks, m, length, 1);
          if (fan) addFanCohort(ws, firstOptionWithMonth[m]!, m, length, netWeekly * kept, cashableShare, years);
        }
        pvSum += prev * moveCost * discount[m]!;
        movesCashSum += prev * moveCost * deflator[m]!;
        if (prev > preventedMax) preventedMax = prev;
        if (fan) {
          const cell = firstOptionWithMonth[m]! * years + yearOfMonth[m]!;
          ws.fanAccumulator[cell]! += prev * moveCost * kept * deflator[m]!;
          ws.fanCashableAccumulator[cell]! += prev * moveCost * kept * deflator[m]!;
        }
        while (option < options && terms[option] === m + 1) {
          out.avoidedCostPV[option]![i] = pvSum * kept;
          out.avoidedCost[option]![i] = (cashSum + movesCashSum) * kept;
          out.avoidedCostCashable[option]![i] = (cashableShare * cashSum + movesCashSum) * kept;
          out.placementsAvoided[option]![i] = prefix[m + 1]!;
          option++;
        }
      }
    }

    out.monthlyCost[i] = monthlyCost;
    if (out.costShapeVaries) out.costSums.set(cost.costSums, i * options * 4);
    else if (i === from) out.costSums.set(cost.costSums);

    // Payback: the first month, within the longest term, when cumulative cash net >= 0, for
    // each perspective: a council's cumulative net is children_share x avoided - match_share x paid.
    // A fan iteration goes on to the end of the term to record every month's avoided cash.
    paybackFound.fill(-1);
    let unfound = perspectiveCount;
    const residentialValue = netWeekly * kept;
    const moveValue = moveCost * kept;
    const needAllMonths = fan && !plan.processVariability;
    // A perspective whose largest possible monthly benefit is below its smallest monthly cost
    // never pays back: a month's placement weeks are at most (largest monthly placements) x
    // (placement length in months) x 52/12. (Not with one length per placement.)
    if (!plan.processVariability && residentialValue >= 0 && moveValue >= 0) {
      const largestMonthlyBenefit = residentialValue * WEEKS_PER_MONTH * ws.growthMax * placementMax * lengthMonths + moveValue * preventedMax * ws.deflatorMax;
      if (largestMonthlyBenefit < monthlyCost * cost.costShapeMin) {
        paybackFound[0] = -2;
        unfound--;
      }
      for (let p = 1; p < perspectiveCount; p++) {
        if (childrenShares[p - 1]! * largestMonthlyBenefit < matchShares[p - 1]! * monthlyCost * cost.paidShapeMin) {
          paybackFound[p] = -2;
          unfound--;
        }
      }
    }
    let cumulativeAvoided = 0;
    for (let t = 0; t < longestTerm && (unfound > 0 || needAllMonths); t++) {
      let weeks: number;
      if (plan.processVariability) {
        weeks = ws.weeks[t]!;
      } else if (last === 0) {
        weeks = placementRate * placementSource[t]! * lengthMonths * WEEKS_PER_MONTH;
      } else {
        // Placements started in t (half a month), t-last+1 .. t-1 (full), t-last (the rest).
        const fullFrom = t - last + 1 > 0 ? t - last + 1 : 0;
        let covered = 0.5 * placementSource[t]! + (placementPrefix[t]! - placementPrefix[fullFrom]!);
        if (t >= last) covered += lastShare * placementSource[t - last]!;
        weeks = placementRate * covered * WEEKS_PER_MONTH;
      }
      const residentialCash = residentialValue * weeks * cashGrowth[t]!;
      const movesCash = preventedRate * preventedSource[t]! * moveValue * deflator[t]!;
      const avoided = residentialCash + movesCash;
      if (needAllMonths) {
        ws.monthlyAvoided[t] = avoided;
        ws.monthlyCashable[t] = residentialCash * cashableShare + movesCash;
      }
      cumulativeAvoided += avoided;
      if (unfound === 0) continue;
      if (paybackFound[0] === -1 && cumulativeAvoided >= monthlyCost * cost.cumulativeCost[t]!) {
        paybackFound[0] = t;
        unfound--;
      }
      for (let p = 1; p < perspectiveCount; p++) {
        if (paybackFound[p] === -1 && childrenShares[p - 1]! * cumulativeAvoided >= matchShares[p - 1]! * monthlyCost * cost.cumulativePaid[t]!) {
          paybackFound[p] = t;
          unfound--;
        }
      }
    }
    for (let p = 0; p < perspectiveCount; p++) out.paybackMonth[p]![i] = paybackFound[p]! < 0 ? -1 : paybackFound[p]!;
    out.endMonth[i] = endMonth;

    if (fan) {
      const row = i * years;
      for (let k = 0; k < options; k++) {
        for (let y = 0; y < years; y++) {
          out.fanCost[k]![row + y] = monthlyCost * cost.costByYear[k * years + y]!;
          out.fanPaid[k]![row + y] = monthlyCost * cost.paidByYear[k * years + y]!;
        }
      }
      if (plan.processVariability) {
        // Option k's avoided cash in year y: placements whose first option is <= k.
        for (let k = 0; k < options; k++) {
          for (let y = 0; y < years; y++) {
            const prior = k > 0 ? out.fanAvoided[k - 1]![row + y]! : 0;
            out.fanAvoided[k]![row + y] = prior + ws.fanAccumulator[k * years + y]!;
            const priorCashable = k > 0 ? out.fanCashable[k - 1]![row + y]! : 0;
            out.fanCashable[k]![row + y] = priorCashable + ws.fanCashableAccumulator[k * years + y]!;
          }
        }
      } else {
        // Months inside option k's term are the same for every longer option; after it, only
        // placements that started within the term still run (the tail).
        const byYear = ws.avoidedByYear;
        const cashableByYear = ws.cashableByYear;
        byYear.fill(0);
        cashableByYear.fill(0);
        let option = 0;
        for (let t = 0; t < longestTerm; t++) {
          byYear[yearOfMonth[t]!]! += ws.monthlyAvoided[t]!;
          cashableByYear[yearOfMonth[t]!]! += ws.monthlyCashable[t]!;
          while (option < options && terms[option] === t + 1) {
            const target = out.fanAvoided[option]!;
            const targetCashable = out.fanCashable[option]!;
            for (let y = 0; y < years; y++) {
              target[row + y] = byYear[y]!;
              targetCashable[row + y] = cashableByYear[y]!;
            }
            const term = terms[option]!;
            for (let u = term; u < term + last + 1 && u < ws.months; u++) {
              // Placements from months u-last .. term-1 still run in month u (none start after the term).
              let covered = 0;
              const fullFrom = u - last + 1 > 0 ? u - last + 1 : 0;
              if (fullFrom < term) covered += placementPrefix[term]! - placementPrefix[fullFrom]!;
              if (u - last >= 0 && u - last < term) covered += lastShare * placementSource[u - last]!;
              const tail = residentialValue * placementRate * covered * WEEKS_PER_MONTH * cashGrowth[u]!;
              target[row + yearOfMonth[u]!]! += tail;
              targetCashable[row + yearOfMonth[u]!]! += tail * cashableShare;
            }
            option++;
          }
        }
      }
    }
  }
}
