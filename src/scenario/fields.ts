/**
 * Which model input (src/model/types.ts Inputs) each scenario path feeds, from the catalogue's
 * `field` column. Capacity is the one derived field: starts_per_year / 12, or caseload / months_per_child.
 */
import type { VaryingField } from '../model/simulate';
import { INPUTS, type PathsOfField } from './catalogue';

/** A model field fed by one path alone: every varying field but capacity. */
export type DirectField = Exclude<VaryingField, 'capacityPerMonth'>;

/** The model field of each path that feeds one alone. FIELD_OF_PATH['outcomes.effectiveness'] -> 'effectiveness' */
export const FIELD_OF_PATH: Readonly<Record<string, DirectField>> = Object.fromEntries(
  INPUTS.flatMap((row): [string, DirectField][] => (row.field === 'capacityPerMonth' ? [] : [[row.path, row.field]])),
);

/** The paths capacity per month is worked out from, in capacityPerMonth's order of arguments. */
export const CAPACITY_PATHS = [
  'service.capacity.starts_per_year',
  'service.capacity.caseload',
  'service.capacity.months_per_child',
] as const satisfies readonly PathsOfField<'capacityPerMonth'>[];
// And every capacity row is among them: a new one makes this fail to compile.
type CapacityPathLeftOut = Exclude<PathsOfField<'capacityPerMonth'>, (typeof CAPACITY_PATHS)[number]>;
const everyCapacityPath: [CapacityPathLeftOut] extends [never] ? true : CapacityPathLeftOut = true;
void everyCapacityPath;

/** Capacity per month from the capacity values given. capacityPerMonth(52) -> 4.333; (undefined, 30, 7) -> 4.286 */
export function capacityPerMonth(startsPerYear: number | undefined, caseload?: number, monthsPerChild?: number): number {
  if (startsPerYear !== undefined) return startsPerYear / 12;
  return caseload! / monthsPerChild!;
}
