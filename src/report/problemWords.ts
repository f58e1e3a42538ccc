/**
 * A scenario's problems in the reader's language. The scenario layer (which may not import the
 * report layer) words every problem in English, in a small set of fixed forms: clauses joined by
 * "; " or " — ", each "expected <what>, got <value>", "unknown key `k`", "did you mean `x`?" and so
 * on, with <what> one of a few dozen phrases. Each form and phrase is a catalogue entry
 * (`problem.*`) whose English is the scenario layer's own text, word for word, with `{name}` where
 * it puts a value. This module recognises the forms in an English message and words them again in
 * the locale's entries, so the scenario layer, its cache and the worker that checks a pasted text
 * stay in one language and the wording happens where the page is made.
 *
 * Placeholders named `expected`, `parameter`, `what`, `operator` and `takes` hold a phrase that is
 * worded again itself ("a probability between 0 and 1"), and `value` may ("an empty value", but
 * "1.2" stays); `keys` holds a list of key names
 * whose "and" becomes the language's; every other placeholder (a key, a path, a number, what the
 * person wrote) is kept as written. A clause no entry recognises is kept in English:
 * `problemClauses` says which, and test/web/welsh.test.ts fails on any in its corpus of mistakes.
 */
import { en } from './messages.en';
import { currentLocale, t, type Locale, type MessageKey } from './messages';

/** Placeholders whose text is a phrase of the catalogue, worded again (or the form does not fit). */
const PHRASES = new Set(['expected', 'parameter', 'what', 'operator', 'takes']);
/** Placeholders worded again when they are a phrase ("an empty value"), else kept ("1.2"). */
const MAYBE_PHRASES = new Set(['value']);
/** Placeholders holding a list of key names ("start, base_end and annual_value"). */
const LISTS = new Set(['keys']);

interface Form {
  key: MessageKey;
  pattern: RegExp;
  names: string[];
  /** Characters of fixed text: the more, the more specific the form. */
  fixed: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every `problem.*` entry as a pattern over the English it recognises, most specific first. */
const FORMS: readonly Form[] = Object.entries(en)
  .filter(([key]) => key.startsWith('problem.'))
  .map(([key, english]) => {
    const names = [...english.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const pieces = english.split(/\{\w+\}/);
    const pattern = new RegExp(`^${pieces.map(escapeRegExp).join('(.*?)')}$`, 's');
    return { key: key as MessageKey, pattern, names, fixed: pieces.join('').length };
  })
  .sort((a, b) => b.fixed - a.fixed || a.names.length - b.names.length);

/** "and" in each language, for lists of key names; Welsh "a" becomes "ac" before a vowel. */
function joinedIn(list: string, locale: Locale): string {
  if (locale !== 'cy') return list;
  return list.replace(/ and (?=(.))/g, (_match, next: string) => (/[aeiouwy]/i.test(next) ? ' ac ' : ' a '));
}

/** One piece of a message worded in `locale`, or undefined when no entry recognises it. */
function worded(text: string, locale: Locale): string | undefined {
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (match === null) continue;
    const params: Record<string, string> = {};
    let fits = true;
    form.names.forEach((name, index) => {
      const captured = match[index + 1] ?? '';
      const phrase = PHRASES.has(name) || MAYBE_PHRASES.has(name) ? worded(captured, locale) : undefined;
      if (PHRASES.has(name) && phrase === undefined) fits = false;
      params[name] = phrase ?? (LISTS.has(name) ? joinedIn(captured, locale) : captured);
    });
    if (fits) return t(form.key, params, locale);
  }
  return undefined;
}

/** A message's clauses (split at "; " and " — "), each worded in `locale` where an entry recognises it. */
export function problemClauses(message: string, locale: Locale = currentLocale()): { text: string; worded: boolean; separator: string }[] {
  const parts = message.split(/(; | — )/);
  const clauses: { text: string; worded: boolean; separator: string }[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const clause = parts[index] ?? '';
    const again = locale === 'en' ? clause : worded(clause, locale);
    clauses.push({ text: again ?? clause, worded: again !== undefined, separator: parts[index + 1] ?? '' });
  }
  return clauses;
}

/**
 * A problem's message (as the scenario layer words it) in `locale`; English unchanged.
 * @example problemMessage('expected a probability between 0 and 1, got 1.2', 'cy')
 *   // "disgwyliwyd tebygolrwydd rhwng 0 ac 1, cafwyd 1.2"
 * @example problemMessage('unknown key `efectiveness`; did you mean `effectiveness`?', 'cy')
 *   // "allwedd anhysbys `efectiveness`; ai `effectiveness` oedd dan sylw?"
 */
export function problemMessage(message: string, locale: Locale = currentLocale()): string {
  if (locale === 'en') return message;
  return problemClauses(message, locale)
    .map((clause) => clause.text + clause.separator)
    .join('');
}
