/** How a run is laid out: the plan (fixed structure) and the layout derived from it. */
import type { Rng } from '../random/rng';
import { buildTimeline, moneySettings, placementTailMonths, termMonths, type Timeline } from '../time';
import type { Inputs } from '../types';

/** How a run is laid out: the fixed structure and what the summaries need. */
export interface SimulationPlan {
  /** Central inputs: the structure (dates, councils, extension years) and any constant value. */
  base: Inputs;
  /** Longest placement any iteration can draw, in weeks: sets the common horizon. */
  longestWeeks: number;
  /** Whole children, Poisson referrals, binomial outcomes, one length per placement. */
  processVariability: boolean;
  /** Draws one placement's length in weeks (process variability); defaults to the iteration's value. */
  placementWeeks?: (rng: Rng) => number;
  /** How many of the first iterations keep financial-year detail for the fan chart. */
  fanIterations: number;
}

/** Derived layout shared by the simulation and its summaries. */
export interface SimulationLayout {
  options: number;
  /** Months in each option's term. */
  terms: number[];
  horizon: number;
  timeline: Timeline;
  /** Perspective names: "region" then each council. */
  perspectives: string[];
}

export function simulationLayout(plan: SimulationPlan): SimulationLayout {
  const base = plan.base;
  const terms = Array.from({ length: base.maxExtensionYears + 1 }, (_, k) => termMonths(base, k));
  const horizon = terms.at(-1)! + placementTailMonths(plan.longestWeeks);
  return {
    options: terms.length,
    terms,
    horizon,
    timeline: buildTimeline(base.start, horizon, moneySettings(base)),
    perspectives: ['region', ...base.councils.map((c) => c.name)],
  };
}
