/**
 * The scenario hash shown beside results (shared/model.md section 9), and the identity a run is
 * remembered by. Both are hashes of a structure (the file's bytes and each change, every part
 * with its length in front), never of the parts joined as text: a file whose text ends in
 * `#--set outcomes.effectiveness=0.01` is not the same run as the file with that change.
 */
import { createHash } from 'node:crypto';
import type { Override } from './overrides';

/** Tags that keep a run's identity apart from any file's plain hash. */
const IDENTITY_TAG = 'class-scenario-run/v2';
const CHANGED_TAG = 'class-scenario-with-changes/v2';

/** The SHA-256 of length-prefixed parts: no two lists of parts give the same bytes. */
function structuredDigest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  const count = Buffer.alloc(4);
  count.writeUInt32BE(parts.length);
  hash.update(count);
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(bytes.length));
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * First 12 hex digits of a scenario's hash. A plain file's is the SHA-256 of its text (what a
 * permalink's `hash=` names); with `--set` changes it is the digest of the structure (tag, the
 * file's text, each change), so results of a changed run never carry the plain file's hash and no
 * text can be written to give the hash of a file with changes.
 * scenarioHash('name: x\n') -> 12 hex digits
 */
export function scenarioHash(text: string, overrides: readonly Override[] = []): string {
  if (overrides.length === 0) return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
  return structuredDigest([CHANGED_TAG, text, ...overrides.map((override) => override.text)]).slice(0, 12);
}

/**
 * The full identity of a scenario's inputs: all 64 hex digits of the digest of the tag, the
 * file's text and each change, so caches keyed by it cannot confuse two runs (12 digits are for
 * people to compare, too few to key a cache that anyone can fill).
 */
export function scenarioIdentity(text: string, overrides: readonly Pick<Override, 'text'>[] = []): string {
  return structuredDigest([IDENTITY_TAG, text, ...overrides.map((override) => override.text)]);
}
