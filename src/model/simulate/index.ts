/**
 * Monte Carlo over typed arrays (shared/model.md section 10): the same model as project.ts, run
 * for many draws of the inputs, keeping per iteration only what the summaries need.
 *
 * Structure exploited (profiled on the CLASS central case):
 * - the options share one run of the waiting list: option k's starts are the first months of the
 *   longest option's, so every option's totals are prefix sums over start months;
 * - an avoided placement's value (its weeks x growth x discount) is an O(1) difference of prefix
 *   sums, whatever its length, so nothing loops over a placement's months;
 * - cumulative cash for the payback check is the same for every option up to its term's end;
 * - what depends only on inputs that do not vary (discount factors, growth, cost shape) is
 *   computed once, and recomputed only when its inputs change from one iteration to the next;
 * - one scratch buffer per quantity, reused: no allocation per iteration.
 */
export { COST_SHAPE_FIELDS, costShapeVaries, VARYING_FIELDS, type InputColumns, type VaryingField } from './inputs';
export { simulationLayout, type SimulationLayout, type SimulationPlan } from './plan';
export { costOf, createOutput, outputBytes, type SimulationOutput } from './output';
export { simulateBlock } from './simulateBlock';
export { Workspace } from './workspace';
