/**
 * A scenario as plain data that can cross to a worker thread (structured clone): formulas travel
 * as their checked expressions and are rebuilt without mathjs, so workers stay small.
 */
import { formulaFromExpression } from './expression';
import type { Formula, Quantity, Scenario } from './types';

type PortableFormula = Pick<Formula, 'source' | 'variables' | 'expression'>;
type PortableQuantity = Exclude<Quantity, { kind: 'formula' }> | { kind: 'formula'; formula: PortableFormula };

export interface PortableScenario extends Omit<Scenario, 'quantities' | 'variables'> {
  quantities: Record<string, PortableQuantity>;
  variables: Record<string, PortableQuantity>;
}

function portableQuantities(quantities: Record<string, Quantity>): Record<string, PortableQuantity> {
  return Object.fromEntries(
    Object.entries(quantities).map(([path, q]) => [
      path,
      q.kind === 'formula'
        ? { kind: 'formula', formula: { source: q.formula.source, variables: q.formula.variables, expression: q.formula.expression } }
        : q,
    ]),
  );
}

function rebuiltQuantities(quantities: Record<string, PortableQuantity>): Record<string, Quantity> {
  return Object.fromEntries(
    Object.entries(quantities).map(([path, q]) => [
      path,
      q.kind === 'formula'
        ? { kind: 'formula', formula: formulaFromExpression(q.formula.source, q.formula.variables, q.formula.expression) }
        : q,
    ]),
  );
}

/** The scenario as plain data. */
export function toPortable(scenario: Scenario): PortableScenario {
  return { ...scenario, quantities: portableQuantities(scenario.quantities), variables: portableQuantities(scenario.variables) };
}

/** The scenario back from plain data, formulas rebuilt. */
export function fromPortable(portable: PortableScenario): Scenario {
  return { ...portable, quantities: rebuiltQuantities(portable.quantities), variables: rebuiltQuantities(portable.variables) };
}
