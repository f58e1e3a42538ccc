/**
 * The scenario's YAML document: read with the `yaml` package under tight limits, and able to say
 * where any key path was written (file, line and column, 1-based), even for values that came
 * from a `--set` override rather than the file.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { dottedPath } from './problems';
import type { Problem, SourcePosition } from './types';

/** Largest scenario file read, in bytes. */
export const MAX_FILE_BYTES = 1_000_000;
/** Deepest nesting of mappings and lists accepted. */
export const MAX_DEPTH = 20;
/** Most aliases (`*name`) expanded when reading; guards against "billion laughs" files. */
export const MAX_ALIAS_COUNT = 100;
/** Most keys and list items in one file (a bundled scenario has about 150). */
export const MAX_KEYS = 2_000;
/** Keys that name JavaScript's own machinery, never a scenario setting. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function tooManyKeysMessage(): string {
  return `the file has more than ${MAX_KEYS.toLocaleString('en-GB')} keys and list items; a scenario has a few hundred at most, so remove unused variables or lists`;
}

/**
 * The line of the key indicator (`: ` or `:` at a line's end) past MAX_KEYS, counted in the raw
 * text before parsing, so a file of thousands of keys is refused in one linear pass; undefined
 * when there are not that many. It may count a `: ` inside a quoted value, never too few keys
 * of a block mapping; the exact count after parsing catches the rest.
 */
function lineOfKeyPastLimit(text: string): number | undefined {
  const indicator = /:(?=[ \r\n]|$)/g;
  let count = 0;
  for (let match = indicator.exec(text); match !== null; match = indicator.exec(text)) {
    if (++count > MAX_KEYS) {
      let line = 1;
      for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
      return line;
    }
  }
  return undefined;
}

/** YAML 1.2 core schema only: no custom tags (`!!js/function`), no merge keys, unique keys. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
};

/** Where a node's text came from: the scenario file or a `--set` override. */
export interface NodeOrigin {
  file: string;
  /** Position of a character offset within that node's text. */
  position(offset: number): SourcePosition;
}

export interface ScenarioDocument {
  document: Document;
  /** The file itself. */
  file: NodeOrigin;
  /** Nodes that came from `--set` overrides; every other node is from the file. */
  overridden: Map<Node, NodeOrigin>;
}

/** Origin of text read with a LineCounter, optionally starting `columnOffset` characters into its first line. */
export function textOrigin(file: string, lineCounter: LineCounter, columnOffset = 0): NodeOrigin {
  return {
    file,
    position(offset) {
      const { line, col } = lineCounter.linePos(offset);
      return { line: Math.max(line, 1), column: Math.max(col, 1) + (line <= 1 ? columnOffset : 0) };
    },
  };
}

/** YAML mistakes that still leave a document worth validating, so every problem shows at once. */
const RECOVERABLE = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);

function yamlMessage(error: YAMLError, text: string, path: readonly PropertyKey[]): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key \`${String(path.at(-1) ?? '')}\`; each key may appear only once in a mapping`;
    case 'TAG_RESOLVE_FAILED':
      return `custom tags like ${text.slice(error.pos[0], error.pos[1]).split(/\s/)[0]} are not allowed; write plain values`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line with ---); a scenario file holds exactly one';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation; use spaces';
    case 'RESOURCE_EXHAUSTION':
      return `the file is nested too deeply; at most ${MAX_DEPTH} levels are allowed`;
    default:
      return `YAML syntax: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  }
}

/**
 * Reads a scenario file's YAML. `readable` is false when the text is not YAML worth validating
 * (a syntax error, several documents); duplicate keys and custom tags are reported but the rest
 * of the file is still checked.
 */
export function readDocument(text: string, file: string): { source: ScenarioDocument; problems: Problem[]; readable: boolean } {
  const lineCounter = new LineCounter();
  const pastLimit = lineOfKeyPastLimit(text);
  if (pastLimit !== undefined) {
    const document = parseDocument('', { ...YAML_OPTIONS, lineCounter });
    const problem: Problem = { file, line: pastLimit, column: 1, path: '', message: tooManyKeysMessage() };
    return { source: { document, file: textOrigin(file, lineCounter), overridden: new Map() }, problems: [problem], readable: false };
  }
  // yaml's own duplicate-key check compares each key with every earlier one (quadratic: 13,000
  // keys took seconds); duplicateKeyErrors does the same check with a set per mapping.
  const document = parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false, lineCounter });
  const source: ScenarioDocument = { document, file: textOrigin(file, lineCounter), overridden: new Map() };
  const mistakes = [...document.errors, ...document.warnings];
  const problems = mistakes.map((error): Problem => {
    const { line, column } = source.file.position(error.pos[0]);
    const path = pathAtOffset(document, error.pos[0]);
    return { file, line, column, path: dottedPath(path), message: yamlMessage(error, text, path) };
  });
  for (const offset of duplicateKeyOffsets(document)) {
    const path = pathAtOffset(document, offset);
    problems.push({
      file,
      ...source.file.position(offset),
      path: dottedPath(path),
      message: yamlMessage({ code: 'DUPLICATE_KEY' } as YAMLError, text, path),
    });
  }
  return { source, problems, readable: mistakes.every((error) => RECOVERABLE.has(error.code)) };
}

/** Where each repeated key of a mapping starts (every mapping, one set each: linear in the file). */
function duplicateKeyOffsets(document: Document): number[] {
  const offsets: number[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH + 1) return;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value) && hasRange(pair.key)) offsets.push(pair.key.range[0]);
          seen.add(pair.key.value);
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(document.contents, 0);
  return offsets;
}

/** The key path of the innermost key or item whose text holds `offset`. */
function pathAtOffset(document: Document, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = document.contents;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const start = (item.key as Node | null)?.range?.[0];
        const end = (item.value as Node | null)?.range?.[2] ?? (item.key as Node | null)?.range?.[2];
        return start !== undefined && end !== undefined && start <= offset && offset < end;
      });
      if (pair === undefined || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        return range !== undefined && range !== null && range[0] <= offset && offset < range[2];
      });
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
  return path;
}

/** The child of a mapping or list under one path segment: the pair's key node and its value. */
function child(document: Document, node: unknown, segment: PropertyKey): { key?: Node; value: unknown } | undefined {
  const resolved = isAlias(node) ? node.resolve(document) : node;
  if (isMap(resolved)) {
    const pair = resolved.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair === undefined ? undefined : { key: pair.key as Node, value: pair.value };
  }
  if (isSeq(resolved) && /^\d+$/.test(String(segment))) {
    const index = Number(segment);
    return index < resolved.items.length ? { value: resolved.items[index] } : undefined;
  }
  return undefined;
}

/** How to point at a key path. */
export type Aim =
  /** The value (or, when the key is missing, the mapping that should hold it). */
  | { at: 'value' }
  /** The key itself, for keys that should not be there. */
  | { at: 'key' }
  /** A character inside a scalar value: a formula's mistake, 0-based within its text. */
  | { at: 'character'; offset: number };

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as Node).range);
}

function originOf(source: ScenarioDocument, node: Node): NodeOrigin {
  return source.overridden.get(node) ?? source.file;
}

/** Offset of character `offset` of a one-line plain or quoted scalar's value, or its start. */
function characterOffset(node: Node & { range: [number, number, number] }, offset: number): number {
  if (!isScalar(node)) return node.range[0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (!quoted && node.type !== 'PLAIN') return node.range[0];
  const at = node.range[0] + (quoted ? 1 : 0) + offset;
  return at < node.range[1] ? at : node.range[0];
}

/**
 * Where a key path was written. A missing key points at the mapping that should hold it, and a
 * path with no text at all (an empty file) at line 1, column 1.
 */
export function locate(
  source: ScenarioDocument,
  path: readonly PropertyKey[],
  aim: Aim = { at: 'value' },
): { file: string } & SourcePosition {
  let node: unknown = source.document.contents;
  let key: Node | undefined;
  let found = true;
  const written: { node: Node; key?: Node }[] = hasRange(node) ? [{ node }] : [];
  for (const segment of path) {
    const next = child(source.document, node, segment);
    if (next === undefined) {
      found = false;
      break;
    }
    node = next.value;
    key = next.key;
    if (hasRange(node)) written.push({ node, key });
    else if (hasRange(key)) written.push({ node: key, key });
  }
  const last = written.at(-1);
  if (last === undefined) return { file: source.file.file, line: 1, column: 1 };
  let target: Node = last.node;
  let offset = hasRange(target) ? target.range[0] : 0;
  if (found && aim.at === 'key' && hasRange(key)) {
    target = key;
    offset = key.range[0];
  } else if (found && aim.at === 'character' && hasRange(target) && target === node) {
    offset = characterOffset(target, aim.offset);
  }
  return { file: originOf(source, target).file, ...originOf(source, target).position(offset) };
}

/**
 * Problems with the document's shape that yaml lets through: nesting deeper than MAX_DEPTH, keys
 * that are not plain scalars (`? [a, b]`), keys named `__proto__`, `constructor` or `prototype`
 * (JavaScript would drop or misread them, so a reader would see numbers the tool ignores), and
 * more than MAX_KEYS keys and list items.
 */
export function checkStructure(source: ScenarioDocument): Problem[] {
  const problems: Problem[] = [];
  let keys = 0;
  const visit = (node: unknown, path: PropertyKey[]): void => {
    if (keys > MAX_KEYS) return;
    if (path.length > MAX_DEPTH) {
      problems.push({
        ...locate(source, path),
        path: dottedPath(path),
        message: `the file is nested too deeply; at most ${MAX_DEPTH} levels are allowed`,
      });
      return;
    }
    if (isMap(node)) {
      keys += node.items.length;
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          const at = hasRange(pair.key) ? originOf(source, pair.key).position(pair.key.range[0]) : { line: 1, column: 1 };
          problems.push({
            file: source.file.file,
            ...at,
            path: dottedPath(path),
            message: 'keys must be plain names, not lists or mappings',
          });
        } else if (FORBIDDEN_KEYS.has(String(pair.key.value))) {
          const name = String(pair.key.value);
          const at = hasRange(pair.key)
            ? { file: originOf(source, pair.key).file, ...originOf(source, pair.key).position(pair.key.range[0]) }
            : { file: source.file.file, line: 1, column: 1 };
          problems.push({
            ...at,
            path: dottedPath([...path, name]),
            message: `\`${name}\` is not allowed as a key; it is not a scenario setting, and the tool would ignore it`,
          });
        } else {
          visit(pair.value, [...path, String(pair.key.value)]);
        }
      }
    } else if (isSeq(node)) {
      keys += node.items.length;
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (isPair(node)) {
      visit(node.value, path);
    }
  };
  visit(source.document.contents, []);
  if (keys > MAX_KEYS) problems.push({ file: source.file.file, line: 1, column: 1, path: '', message: tooManyKeysMessage() });
  return problems;
}

/** Where every key and list item of the file was written, by dotted path (overrides left out). */
export function positionsOf(source: ScenarioDocument): Record<string, SourcePosition> {
  const positions: Record<string, SourcePosition> = {};
  const visit = (node: unknown, path: PropertyKey[]): void => {
    if (path.length > MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyPath = [...path, String(pair.key.value)];
        if (hasRange(pair.key) && !source.overridden.has(pair.key))
          positions[dottedPath(keyPath)] = source.file.position(pair.key.range[0]);
        visit(pair.value, keyPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (hasRange(item) && !source.overridden.has(item)) positions[dottedPath([...path, index])] = source.file.position(item.range[0]);
        visit(item, [...path, index]);
      });
    }
  };
  visit(source.document.contents, []);
  return positions;
}

/**
 * The document as plain JavaScript values, or a problem when it expands too many aliases.
 */
export function plainValue(source: ScenarioDocument): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `the file expands aliases (*name) too many times; at most ${MAX_ALIAS_COUNT} are allowed`
        : `the file cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problem: { file: source.file.file, line: 1, column: 1, path: '', message } };
  }
}
