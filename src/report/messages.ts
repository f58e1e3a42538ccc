/**
 * The message catalogue lookup. Each language is one file with the same keys
 * (`messages.en.ts`; add `messages.cy.ts` and register it in `CATALOGUES`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { cy } from './messages.cy';
import { en } from './messages.en';

export type MessageKey = keyof typeof en;
/** A complete catalogue: every key, as a string. A Welsh file is typed `Catalogue`. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES = { en, cy } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof CATALOGUES;
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALES = Object.keys(CATALOGUES) as Locale[];

/** BCP 47 tags for `Intl` and the `lang` attribute. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', cy: 'cy-GB' };

/** A bound lookup, as views receive it: `t('home.title')`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The language of the work in hand. A web request runs inside `withLocale` (chosen from its path),
 * so every `t`, `tPlural` and formatter called while serving it, however deep, speaks that
 * language without the locale being threaded through every report function. Outside any request
 * (the command line, tests) the process locale applies: English unless `setProcessLocale` says otherwise.
 */
const localeContext = new AsyncLocalStorage<Locale>();
let processLocale: Locale = DEFAULT_LOCALE;

/** The locale in force here: the request's, else the process's. */
export function currentLocale(): Locale {
  return localeContext.getStore() ?? processLocale;
}

/**
 * Runs `work` (and everything it awaits) in `locale`.
 * @example withLocale('cy', () => t('layout.nav.home')) // "Hafan"
 */
export function withLocale<T>(locale: Locale, work: () => T): T {
  return localeContext.run(locale, work);
}

/** The locale outside any `withLocale`, for the command line (`--lang cy`, or `LANG=cy_GB.UTF-8`). */
export function setProcessLocale(locale: Locale): void {
  processLocale = locale;
}

/** Whether a string names a supported locale. */
export function isLocale(value: string): value is Locale {
  return Object.hasOwn(CATALOGUES, value);
}

/**
 * The message for `key` in `locale`, with `{name}` parameters filled in.
 * A missing parameter is a programmer error and throws.
 * @example t('chance.about1InN', { count: 20 }) // "about 1 in 20"
 */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = currentLocale()): string {
  const template: string | undefined = CATALOGUES[locale][key];
  if (template === undefined) throw new Error(`t: no message "${key}" in locale "${locale}"`);
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`t: message "${key}" needs parameter "${name}"`);
    return String(value);
  });
}

/**
 * The plural form of `baseKey` for `count`: looks up `baseKey.one`, `baseKey.other`, ... by
 * `Intl.PluralRules`, falling back to `.other`. `count` is passed as a parameter too.
 * @example tPlural('scenarios.count', 1) // "1 scenario is available."
 */
export function tPlural(baseKey: string, count: number, params: MessageParams = {}, locale: Locale = currentLocale()): string {
  const category = new Intl.PluralRules(LOCALE_TAGS[locale]).select(count);
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[locale];
  const key = `${baseKey}.${category}` in catalogue ? `${baseKey}.${category}` : `${baseKey}.other`;
  if (!(key in catalogue)) throw new Error(`tPlural: no message "${key}" in locale "${locale}"`);
  const countText = new Intl.NumberFormat(LOCALE_TAGS[locale]).format(count);
  return t(key as MessageKey, { count: countText, ...params }, locale);
}

/** A `t` bound to one locale, for views. */
export function translatorFor(locale: Locale): Translate {
  return (key, params) => t(key, params, locale);
}
