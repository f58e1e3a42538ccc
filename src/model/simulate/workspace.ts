/**
 * One thread's working memory for the engine: scratch arrays by month, reused from draw to draw
 * (nothing is allocated per draw), and the caches of what depends only on inputs that repeat
 * (money factors, the referral shape, cost shapes, start-shape tables).
 */
import { BinomialTables, PoissonTable } from '../random/sample';
import type { Inputs } from '../types';
import { emptyDrawInputs, type DrawInputs } from './inputs';
import { CostShapes, MoneyFactors, perspectiveShares, type PerspectiveShares } from './money';
import { CumulativeFromMonths, CumulativeFromTables } from './cumulative';
import { PlacementFlows, ShapeTablesCache } from './flows';
import type { SimulationLayout } from './plan';
import { ReferralShape } from './waitingList';

export class Workspace {
  /** Months in the horizon, and in the longest option's term. */
  readonly months: number;
  readonly longestTerm: number;
  /** The current draw's inputs. */
  readonly draw: DrawInputs;
  /** Starts by month over the longest term, and the waiting list's scratch. */
  readonly starts: Float64Array;
  readonly waiting: Float64Array;
  /** The draw's placements and prevented breakdowns by start month, or the shape they follow. */
  readonly flows: PlacementFlows;
  /** Weeks avoided by month (process variability only). */
  readonly weeks: Float64Array;
  readonly money: MoneyFactors;
  readonly referrals: ReferralShape;
  /** Process variability's count samplers by table: referrals of one mean, and outcomes of the draw's two chances. */
  readonly poissonTable = new PoissonTable();
  readonly binomialTables = new BinomialTables();
  readonly costs: CostShapes;
  readonly tables: ShapeTablesCache;
  readonly shares: PerspectiveShares;
  /** The draw's avoided cash within the longest term cumulated to the end of each month (payback), and two ways to read it. */
  readonly cumulativeAvoided: Float64Array;
  readonly cumulativeFromMonths: CumulativeFromMonths;
  readonly cumulativeFromTables = new CumulativeFromTables();
  /** Each perspective's payback month while it is searched for, and the months worth searching. */
  readonly paybackFound: Int16Array;
  readonly paybackReach: Int32Array;
  /** The smallest option that includes start month m. */
  readonly firstOptionWithMonth: Int32Array;
  /** Monthly avoided cash of the longest option (fan draws), its cashable part, and their sums by year. */
  readonly monthlyAvoided: Float64Array;
  readonly monthlyCashable: Float64Array;
  readonly avoidedByYear: Float64Array;
  readonly cashableByYear: Float64Array;
  /** Process variability's fan cohorts: [first option][year]. */
  readonly fanAccumulator: Float64Array;
  readonly fanCashableAccumulator: Float64Array;
  /** Numbers the blocks simulated with this workspace (see recordContractCost). */
  private blocks = 0;

  constructor(
    readonly layout: SimulationLayout,
    readonly base: Inputs,
  ) {
    this.months = layout.horizon;
    this.longestTerm = layout.terms.at(-1)!;
    const term = this.longestTerm;
    this.draw = emptyDrawInputs(base.fundingSchedule.length);
    this.starts = new Float64Array(term);
    this.waiting = new Float64Array(term);
    this.flows = new PlacementFlows(new Float64Array(term), new Float64Array(term + 1), new Float64Array(term));
    this.weeks = new Float64Array(this.months);
    this.money = new MoneyFactors(layout, base);
    this.referrals = new ReferralShape(term);
    this.costs = new CostShapes(layout, base, this.money);
    this.tables = new ShapeTablesCache(layout.terms, this.money, this.referrals);
    this.shares = perspectiveShares(base);
    this.cumulativeAvoided = new Float64Array(term);
    this.cumulativeFromMonths = new CumulativeFromMonths(this.cumulativeAvoided);
    this.paybackFound = new Int16Array(layout.perspectives.length);
    this.paybackReach = new Int32Array(layout.perspectives.length);
    this.firstOptionWithMonth = new Int32Array(term);
    for (let m = 0, k = 0; m < term; m++) {
      while (layout.terms[k]! <= m) k++;
      this.firstOptionWithMonth[m] = k;
    }
    const years = layout.timeline.yearLabels.length;
    this.monthlyAvoided = new Float64Array(this.months);
    this.monthlyCashable = new Float64Array(this.months);
    this.avoidedByYear = new Float64Array(years);
    this.cashableByYear = new Float64Array(years);
    this.fanAccumulator = new Float64Array(layout.options * years);
    this.fanCashableAccumulator = new Float64Array(layout.options * years);
  }

  /** A number for the next block, different from every earlier one's. */
  nextBlock(): number {
    this.slotsInBlock = 0;
    return this.blocks++;
  }

  /** Cost-sum slots the current block has taken (recordContractCost): its slots are its first draws' indexes. */
  slotsInBlock = 0;
}
