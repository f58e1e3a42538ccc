/**
 * `--set key.path=value` overrides (shared/model.md section 13). The value is YAML flow (a number,
 * `{ dist: uniform, min: 1, max: 2 }`, a formula string); it replaces the node in the parsed
 * document before validation, so it is checked exactly like the file, and problems in it are
 * reported as `--set:1:COLUMN`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Pair, Scalar, visit, YAMLMap, type Node } from 'yaml';
import { textOrigin, YAML_OPTIONS, type NodeOrigin, type ScenarioDocument } from './document';
import type { Override, Problem } from './types';

export type { Override } from './types';

/** The file name problems in overrides are reported under. */
export const OVERRIDE_FILE = '--set';

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*|\d+)$/;

/**
 * Reads `key.path=value`, or says what is wrong with it.
 * parseOverride('outcomes.effectiveness=0.3') -> { path: ['outcomes', 'effectiveness'], valueText: '0.3', valueColumn: 24, ... };
 * parseOverride('outcomes.effectiveness') -> 'expected key.path=value, e.g. outcomes.effectiveness=0.3'
 */
export function parseOverride(text: string): Override | string {
  const equals = text.indexOf('=');
  if (equals < 0) return 'expected key.path=value, e.g. outcomes.effectiveness=0.3';
  const path = text.slice(0, equals).split('.');
  const wrong = path.find((segment) => !SEGMENT.test(segment));
  if (wrong !== undefined) {
    return wrong === ''
      ? `expected a key path like outcomes.effectiveness before =, got "${text.slice(0, equals)}"`
      : `"${wrong}" is not a key name`;
  }
  const valueText = text.slice(equals + 1);
  if (valueText.trim() === '') return `expected a value after =, e.g. ${text.slice(0, equals)}=0.3`;
  const parsed = parseDocument(valueText, YAML_OPTIONS);
  const error = [...parsed.errors, ...parsed.warnings][0];
  if (error !== undefined) return `the value is not valid YAML at column ${equals + 2 + error.pos[0]}: ${error.message}`;
  return { text, path, valueText, valueColumn: equals + 2 };
}

/** Marks every node of an override's value as coming from the command line. */
function markOverridden(source: ScenarioDocument, value: Node, origin: NodeOrigin): void {
  source.overridden.set(value, origin);
  visit(value, {
    Node(_, node) {
      source.overridden.set(node, origin);
    },
    Pair(_, pair) {
      if (pair.key !== null && typeof pair.key === 'object') source.overridden.set(pair.key as Node, origin);
    },
  });
}

/** A key node for a key the override adds, placed at its segment of the override text. */
function addedKey(source: ScenarioDocument, override: Override, index: number): Scalar {
  const key = new Scalar(override.path[index]);
  const column = override.path.slice(0, index).reduce((sum, segment) => sum + segment.length + 1, 1);
  key.range = [0, 0, 0];
  source.overridden.set(key, { file: OVERRIDE_FILE, position: () => ({ line: 1, column }) });
  return key;
}

function problem(override: Override, column: number, message: string): Problem {
  return { file: OVERRIDE_FILE, line: 1, column, path: override.path.join('.'), message };
}

/**
 * Puts each override's value into the document (later overrides win), adding missing mappings on
 * the way. Returns problems for overrides that cannot be applied, e.g. a path through a number.
 */
export function applyOverrides(source: ScenarioDocument, overrides: readonly Override[]): Problem[] {
  const problems: Problem[] = [];
  for (const override of overrides) {
    const lineCounter = new LineCounter();
    const parsed = parseDocument(override.valueText, { ...YAML_OPTIONS, lineCounter });
    const value = (parsed.contents ?? new Scalar(null)) as Node;
    markOverridden(source, value, textOrigin(OVERRIDE_FILE, lineCounter, override.valueColumn - 1));
    if (source.document.contents === null) source.document.contents = new YAMLMap();
    let parent: unknown = source.document.contents;
    for (let index = 0; index < override.path.length; index++) {
      const segment = override.path[index]!;
      const last = index === override.path.length - 1;
      if (isMap(parent)) {
        const pair = parent.items.findLast((item) => isScalar(item.key) && String(item.key.value) === segment);
        if (last) {
          if (pair === undefined) parent.items.push(new Pair(addedKey(source, override, index), value));
          else pair.value = value;
        } else if (pair === undefined) {
          const map = new YAMLMap();
          parent.items.push(new Pair(addedKey(source, override, index), map));
          parent = map;
        } else {
          parent = pair.value;
        }
      } else if (isSeq(parent) && /^\d+$/.test(segment) && Number(segment) < parent.items.length) {
        if (last) parent.items[Number(segment)] = value;
        else parent = parent.items[Number(segment)];
      } else {
        const at = override.path.slice(0, index).join('.');
        const what = isSeq(parent) ? `the list ${at} has no item ${segment}` : `${at} is a single value, so it has no key ${segment}`;
        problems.push(problem(override, 1, `cannot set ${override.path.join('.')}: ${what}`));
        break;
      }
    }
  }
  return problems;
}
