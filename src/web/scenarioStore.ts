/**
 * The scenario files in one folder, addressed by name only: a name is a file stem of lower-case
 * letters, digits and hyphens that is listed in the folder, so no request can reach another path.
 * Saves are atomic (a temp file renamed into place), keep the previous version in `.backup/`, and
 * refuse to overwrite a file that changed since the saver opened it (compared by hash).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { scenarioHash } from '../scenario/hash';

/** A scenario name as it may appear in a URL and as a file stem. */
export const SCENARIO_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface StoredScenario {
  name: string;
  fileName: string;
  text: string;
  /** scenarioHash of the text: what a permalink and a save compare against. */
  hash: string;
}

export type SaveOutcome =
  | { ok: true; name: string; hash: string; backup: string | null }
  | { ok: false; reason: 'badName' }
  | { ok: false; reason: 'exists' }
  | { ok: false; reason: 'changed'; currentHash: string };

export interface ScenarioStore {
  /** Names of the scenario files, sorted. */
  names(): Promise<string[]>;
  /** The file of a valid, listed name; undefined for anything else. */
  read(name: string): Promise<StoredScenario | undefined>;
  /**
   * Saves `text` as `name`. `baseHash` is the hash of the version the person started from
   * (null for a new file): a different current hash means someone else saved in between.
   */
  save(name: string, text: string, baseHash: string | null): Promise<SaveOutcome>;
}

/** The folder where previous versions are kept. */
export const BACKUP_FOLDER = '.backup';

/** A store over the `*.yaml` / `*.yml` files directly in `dir`. */
export function folderStore(dir: string): ScenarioStore {
  let saving: Promise<unknown> = Promise.resolve();

  async function files(): Promise<Map<string, string>> {
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

  async function read(name: string): Promise<StoredScenario | undefined> {
    if (!SCENARIO_NAME.test(name)) return undefined;
    const fileName = (await files()).get(name);
    if (fileName === undefined) return undefined;
    const text = await readFile(path.join(dir, fileName), 'utf8');
    return { name, fileName, text, hash: scenarioHash(text) };
  }

  async function saveNow(name: string, text: string, baseHash: string | null): Promise<SaveOutcome> {
    if (!SCENARIO_NAME.test(name)) return { ok: false, reason: 'badName' };
    const current = await read(name);
    if (current !== undefined && baseHash === null) return { ok: false, reason: 'exists' };
    if (current !== undefined && current.hash !== baseHash) return { ok: false, reason: 'changed', currentHash: current.hash };
    const fileName = current?.fileName ?? `${name}.yaml`;
    let backup: string | null = null;
    if (current !== undefined) {
      await mkdir(path.join(dir, BACKUP_FOLDER), { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backup = path.join(BACKUP_FOLDER, `${name}.${stamp}.${current.hash}.yaml`);
      await writeFile(path.join(dir, backup), current.text, { flag: 'wx' });
    }
    const temporary = path.join(dir, `.${name}.${randomUUID()}.tmp`);
    try {
      // Written and flushed to disk in full before it replaces the file, so a crash at any point
      // leaves either the old file or the new one, never half of one.
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path.join(dir, fileName));
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { ok: true, name, hash: scenarioHash(text), backup };
  }

  return {
    names: async () => [...(await files()).keys()].sort((a, b) => a.localeCompare(b, 'en-GB')),
    read,
    // One save at a time in this process, so the hash check and the rename cannot interleave.
    save: (name, text, baseHash) => {
      const result = saving.then(() => saveNow(name, text, baseHash));
      saving = result.catch(() => undefined);
      return result;
    },
  };
}
