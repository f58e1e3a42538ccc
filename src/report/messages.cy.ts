/**
 * Every sentence a person reads, in Welsh (Cymraeg): the same keys as `messages.en.ts`, plus the
 * plural forms Welsh needs (`.zero`, `.one`, `.two`, `.few`, `.many`, `.other`, chosen by
 * `Intl.PluralRules('cy')`). Terms follow docs/glossary.md.
 */
import { en } from './messages.en';

export const cy = {
  ...en, // PLACEHOLDER until the translated catalogue is merged (lead): English shows through.
} as const;
