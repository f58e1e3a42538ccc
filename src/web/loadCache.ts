/**
 * Loaded scenarios remembered by file, text and changes, so a burst of requests for the same
 * run validates the YAML once instead of once per request on the server's main thread.
 */
import { scenarioIdentity } from '../scenario/hash';
import { loadScenario } from '../scenario/load';
import type { Override } from '../scenario/overrides';
import type { LoadResult } from '../scenario/types';

/** How many distinct loads are kept (least recently used go first). */
export const LOAD_CACHE_SIZE = 64;

const cache = new Map<string, LoadResult>();

/**
 * The key a load is remembered by: the file's name (problems name it) and the structured identity
 * of its text and changes, never the texts run together, so no file can be written to be taken
 * for another file with changes.
 * @example loadKey('a.yaml', 'name: x\n', []) // '["a.yaml","a16d10a5...' (the name, then 64 hex digits)
 */
export function loadKey(file: string, text: string, overrides: readonly Pick<Override, 'text'>[]): string {
  return JSON.stringify([file, scenarioIdentity(text, overrides)]);
}

/**
 * loadScenario, remembered by loadKey. The result is shared: callers must not change it.
 * (`_textHash`, the store's 12-digit hash, is no longer used: 12 digits are too few to key on.)
 */
export function loadScenarioCached(text: string, _textHash: string, file: string, overrides: readonly Override[]): LoadResult {
  const key = loadKey(file, text, overrides);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const loaded = loadScenario(text, file, overrides);
  cache.set(key, loaded);
  if (cache.size > LOAD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loaded;
}
