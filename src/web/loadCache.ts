/**
 * Loaded scenarios remembered by file, text hash and changes, so a burst of requests for the same
 * run validates the YAML once instead of once per request on the server's main thread.
 */
import { loadScenario } from '../scenario/load';
import type { Override } from '../scenario/overrides';
import type { LoadResult } from '../scenario/types';

/** How many distinct loads are kept (least recently used go first). */
export const LOAD_CACHE_SIZE = 64;

const cache = new Map<string, LoadResult>();

/**
 * loadScenario, remembered. `textHash` must change whenever `text` does (the store's hash).
 * The result is shared: callers must not change it.
 */
export function loadScenarioCached(text: string, textHash: string, file: string, overrides: readonly Override[]): LoadResult {
  const key = JSON.stringify([file, textHash, overrides.map((o) => o.text)]);
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
