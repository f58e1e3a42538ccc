/**
 * Monte Carlo over typed arrays (shared/model.md section 10): the same model as project.ts, run
 * for many draws of the inputs, keeping per draw only what the summaries need.
 *
 * Where to look:
 *   inputs.ts        the block's input columns and one draw's inputs by name
 *   plan.ts          the plan (fixed structure) and the layout derived from it
 *   money.ts         money factors (growth, discount, cash or real), the contract's cost shape
 *                    (uplift, grant shares, end month), perspectives' shares
 *   waitingList.ts   the first-in-first-out waiting list
 *   placements.ts    prevented breakdowns, avoided placements and their value, per option
 *   flows.ts         what placements leave for payback and the fan; start-shape tables
 *   payback.ts       the month each perspective's cumulative net cash turns positive
 *   cumulative.ts    a draw's cumulative avoided cash, by month or from payback tables
 *   accumulate.ts    what a draw leaves in the output: totals, cost, end month, the fan by year
 *   output.ts        the per-draw arrays and the contract cost read back from them
 *   workspace.ts     one thread's scratch and caches
 *   simulateBlock.ts the main loop
 * The placement-spreading rule (half a month, whole months, the rest) is ../placementSpread.ts.
 *
 * Structure exploited (profiled on the CLASS central case and on uncertain demand):
 * - the options share one run of the waiting list: option k's starts are the first months of the
 *   longest option's, so every option's totals are prefix sums over start months;
 * - an avoided placement's value (its weeks x growth x discount) is an O(1) difference of prefix
 *   sums, whatever its length, so nothing loops over a placement's months;
 * - when a draw's starts are a fixed shape times a rate (the waiting list always full, or never),
 *   every option's totals and the cumulative cash payback needs come from start-shape tables;
 * - cumulative cash for the payback check is the same for every option up to its term's end, and
 *   only grows, so the search steps over months that cannot reach the cost;
 * - what depends only on inputs that repeat (discount factors, growth, the cost shape of a
 *   discrete grant share) is computed once per distinct value and kept; draws of a block that
 *   share a cost shape share one slot of its sums in the output;
 * - one scratch buffer per quantity, reused: no allocation per draw.
 */
export { COST_SHAPE_FIELDS, costShapeVaries, VARYING_FIELDS, type InputColumns, type VaryingField } from './inputs';
export { simulationLayout, type SimulationLayout, type SimulationPlan } from './plan';
export { costOf, createOutput, outputBytes, type OutputShape, type SimulationOutput } from './output';
export { simulateBlock, type BlockRun } from './simulateBlock';
export { Workspace } from './workspace';
