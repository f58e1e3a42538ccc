/**
 * The scenario hash shown beside results (shared/model.md section 9).
 */
import { createHash } from 'node:crypto';
import type { Override } from './overrides';

/**
 * First 12 hex digits of the SHA-256 of the file's text. With `--set` overrides the hash covers
 * them too (appended as `\n#--set TEXT` lines), so results of an overridden run never carry the
 * plain file's hash. scenarioHash('name: x\n') -> 12 hex digits
 */
export function scenarioHash(text: string, overrides: readonly Override[] = []): string {
  const hashed = text + overrides.map((override) => `\n#--set ${override.text}`).join('');
  return createHash('sha256').update(hashed, 'utf8').digest('hex').slice(0, 12);
}
