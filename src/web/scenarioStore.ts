/**
 * The scenarios, addressed by name only: a name is lower-case letters, digits and hyphens, so no
 * request can reach another path. The bundled files in `scenarios/` are read-only; each is its
 * scenario's revision 1. Every save is a new revision in the database (src/store), never a file:
 * the newest revision is the scenario. A save that started from an older revision than the newest
 * is refused (compared by hash), so a second editor is told and keeps their text.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_VERSION } from '../run/version';
import { scenarioHash } from '../scenario/hash';
import type { Db } from '../store/database';
import { appendRevision, latestRevision, revisionByNumber, scenariosWithRevisions, type Revision } from '../store/revisions';

/** A scenario name as it may appear in a URL and as a file stem. */
export const SCENARIO_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface StoredScenario {
  name: string;
  fileName: string;
  text: string;
  /** scenarioHash of the text: what a permalink and a save compare against. */
  hash: string;
  /** The revision number (1 for a bundled file never saved over). */
  revision?: number;
  /** The revision's id in the database; null for a bundled file never saved over. */
  revisionId?: number | null;
}

export type SaveOutcome =
  | { ok: true; name: string; hash: string; revision: number }
  | { ok: false; reason: 'badName' }
  | { ok: false; reason: 'exists' }
  | { ok: false; reason: 'readOnly' }
  | { ok: false; reason: 'changed'; currentHash: string };

/** Who saves and why, for the revision. */
export interface SaveNote {
  author: string;
  message: string;
}

export interface ScenarioStore {
  /** Names of the scenarios, sorted. */
  names(): Promise<string[]>;
  /** The newest revision of a valid, known name; undefined for anything else. */
  read(name: string): Promise<StoredScenario | undefined>;
  /**
   * Saves `text` as a new revision of `name`. `baseHash` is the hash of the version the person
   * started from (null for a new scenario): a different current hash means someone else saved in
   * between.
   */
  save(name: string, text: string, baseHash: string | null, note?: SaveNote): Promise<SaveOutcome>;
}

/** The bundled scenario files directly in `dir`, by name. */
export async function bundledFiles(dir: string): Promise<Map<string, string>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const byName = new Map<string, string>();
  for (const entry of entries) {
    const match = /^(.*)\.ya?ml$/.exec(entry.name);
    if (entry.isFile() && match !== null && SCENARIO_NAME.test(match[1]!) && !byName.has(match[1]!)) byName.set(match[1]!, entry.name);
  }
  return byName;
}

async function readBundled(dir: string, name: string): Promise<StoredScenario | undefined> {
  if (!SCENARIO_NAME.test(name)) return undefined;
  const fileName = (await bundledFiles(dir)).get(name);
  if (fileName === undefined) return undefined;
  const text = await readFile(path.join(dir, fileName), 'utf8');
  return { name, fileName, text, hash: scenarioHash(text), revision: 1, revisionId: null };
}

const sortNames = (names: Iterable<string>): string[] => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** The bundled files only, read-only (every save is refused): for tools and tests that only read. */
export function folderStore(dir: string): ScenarioStore {
  return {
    names: async () => sortNames((await bundledFiles(dir)).keys()),
    read: (name) => readBundled(dir, name),
    save: async (name) => (SCENARIO_NAME.test(name) ? { ok: false, reason: 'readOnly' } : { ok: false, reason: 'badName' }),
  };
}

/** A revision as the pages read it. */
export function storedFromRevision(revision: Revision, fileName = `${revision.scenario}.yaml`): StoredScenario {
  return {
    name: revision.scenario,
    fileName,
    text: revision.text,
    hash: revision.hash,
    revision: revision.number,
    revisionId: revision.id,
  };
}

/** The bundled files of `dir` as revision 1, and every saved revision in `db`. */
export function databaseStore(dir: string, db: Db, now: () => Date = () => new Date()): ScenarioStore {
  async function read(name: string): Promise<StoredScenario | undefined> {
    if (!SCENARIO_NAME.test(name)) return undefined;
    const latest = latestRevision(db, name);
    const bundled = await readBundled(dir, name);
    if (latest === undefined) return bundled;
    return storedFromRevision(latest, bundled?.fileName);
  }

  async function save(
    name: string,
    text: string,
    baseHash: string | null,
    note: SaveNote = { author: 'unknown', message: '' },
  ): Promise<SaveOutcome> {
    if (!SCENARIO_NAME.test(name)) return { ok: false, reason: 'badName' };
    // The bundled file is read before the transaction (it never changes while the app runs);
    // the check of the newest revision and the insert happen in one immediate transaction, so two
    // savers, even in two processes, cannot both pass the check.
    const bundled = await readBundled(dir, name);
    const at = now().toISOString();
    return db
      .transaction((): SaveOutcome => {
        const latest = latestRevision(db, name);
        const currentHash = latest?.hash ?? bundled?.hash;
        if (currentHash !== undefined && baseHash === null) return { ok: false, reason: 'exists' };
        if (currentHash !== undefined && currentHash !== baseHash) return { ok: false, reason: 'changed', currentHash };
        if (latest === undefined && bundled !== undefined) {
          appendRevision(db, {
            scenario: name,
            author: 'bundled',
            createdAt: at,
            message: `scenarios/${bundled.fileName}`,
            text: bundled.text,
            hash: bundled.hash,
            modelVersion: MODEL_VERSION,
          });
        }
        const saved = appendRevision(db, {
          scenario: name,
          author: note.author,
          createdAt: at,
          message: note.message,
          text,
          hash: scenarioHash(text),
          modelVersion: MODEL_VERSION,
        });
        return { ok: true, name, hash: saved.hash, revision: saved.number };
      })
      .immediate();
  }

  return {
    names: async () => sortNames([...(await bundledFiles(dir)).keys(), ...scenariosWithRevisions(db)]),
    read,
    save,
  };
}

/** Revision `number` of `name`, including a bundled file's revision 1 before any save. */
export async function readRevision(dir: string, db: Db, name: string, number: number): Promise<StoredScenario | undefined> {
  if (!SCENARIO_NAME.test(name)) return undefined;
  const revision = revisionByNumber(db, name, number);
  if (revision !== undefined) return storedFromRevision(revision);
  return number === 1 && latestRevision(db, name) === undefined ? readBundled(dir, name) : undefined;
}

/**
 * The newest revision of `name` as a database row, writing a bundled file's revision 1 first when
 * the scenario has never been saved (a sign-off must point at a row). Undefined for no such scenario.
 */
export async function recordedRevision(
  dir: string,
  db: Db,
  name: string,
  now: () => Date = () => new Date(),
): Promise<Revision | undefined> {
  if (!SCENARIO_NAME.test(name)) return undefined;
  const bundled = await readBundled(dir, name);
  return db
    .transaction(() => {
      const latest = latestRevision(db, name);
      if (latest !== undefined || bundled === undefined) return latest;
      return appendRevision(db, {
        scenario: name,
        author: 'bundled',
        createdAt: now().toISOString(),
        message: `scenarios/${bundled.fileName}`,
        text: bundled.text,
        hash: bundled.hash,
        modelVersion: MODEL_VERSION,
      });
    })
    .immediate();
}
