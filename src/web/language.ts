/**
 * The page's language comes from its path: `/cy/...` is Welsh, every other path English. A link
 * therefore carries its language (a permalink sent to a colleague opens in the language it was
 * copied in) and no cookie is needed to remember the choice. Static files (/assets, /vendor,
 * /css, /js) are the same in both languages and never prefixed.
 */
import { currentLocale, DEFAULT_LOCALE, LOCALES, t, type Locale } from '../report/messages';

/** The path prefix of each language; the default language has none. */
export const LOCALE_PREFIXES: Readonly<Record<Locale, string>> = { en: '', cy: '/cy' };

/** Paths served the same in every language: never prefixed, so caches hold one copy. */
const UNPREFIXED = /^\/(assets|vendor|css|js|health)(\/|$)/;

/**
 * The language a request URL asks for, and the URL without its language prefix (the path every
 * route is written for).
 * @example localeOfUrl('/cy/scenarios?a=1') // { locale: 'cy', url: '/scenarios?a=1' }
 * @example localeOfUrl('/cy') // { locale: 'cy', url: '/' }
 * @example localeOfUrl('/cymraeg') // { locale: 'en', url: '/cymraeg' }
 */
export function localeOfUrl(url: string): { locale: Locale; url: string } {
  for (const locale of LOCALES) {
    const prefix = LOCALE_PREFIXES[locale];
    if (prefix === '' || !url.startsWith(prefix)) continue;
    const rest = url.slice(prefix.length);
    if (rest === '' || rest.startsWith('?') || rest.startsWith('#')) return { locale, url: `/${rest}` };
    if (rest.startsWith('/')) return { locale, url: rest };
  }
  return { locale: DEFAULT_LOCALE, url };
}

/**
 * An internal link in `locale` (the request's by default): `/cy` before a site path in Welsh,
 * nothing in English. Links to other sites, fragments, static files and links that already carry
 * a language are returned as they are, so a link is never prefixed twice.
 * @example localHref('/scenarios/central?seed=7', 'cy') // "/cy/scenarios/central?seed=7"
 * @example localHref('/', 'cy') // "/cy"
 * @example localHref('/scenarios', 'en') // "/scenarios"
 */
export function localHref(href: string, locale: Locale = currentLocale()): string {
  const prefix = LOCALE_PREFIXES[locale];
  if (prefix === '' || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\') || UNPREFIXED.test(href)) return href;
  if (localeOfUrl(href).locale !== DEFAULT_LOCALE) return href;
  if (href === '/') return prefix;
  if (href.startsWith('/?') || href.startsWith('/#')) return prefix + href.slice(1);
  return prefix + href;
}

/**
 * The same page (path and query) in `locale`, from the URL the request came with (prefixed or not).
 * @example sameUrlIn('/cy/compare?a=x', 'en') // "/compare?a=x"
 * @example sameUrlIn('/compare?a=x', 'cy') // "/cy/compare?a=x"
 */
export function sameUrlIn(originalUrl: string, locale: Locale): string {
  return localHref(localeOfUrl(originalUrl).url, locale);
}

/** One entry of the language switch: the other language's name in that language, and the link. */
export interface LanguageSwitch {
  href: string;
  /** The language's own name ("Cymraeg", "English"). */
  text: string;
  /** Its BCP 47 tag, for `lang` and `hreflang`. */
  lang: string;
}

/**
 * The switch to every other language, keeping the page and its query.
 * @example languageSwitch('/scenarios?x=1', 'en') // [{ href: '/cy/scenarios?x=1', text: 'Cymraeg', lang: 'cy' }]
 */
export function languageSwitch(originalUrl: string, current: Locale): LanguageSwitch[] {
  return LOCALES.filter((locale) => locale !== current).map((locale) => ({
    href: sameUrlIn(originalUrl, locale),
    // Each language named in itself ('language.name' read in that language): "Cymraeg", "English".
    text: t('language.name', {}, locale),
    lang: locale,
  }));
}

/**
 * The page in each language, for `<link rel="alternate" hreflang>` in the head (every language,
 * the current one included, as search engines ask).
 * @example alternates('/cy/glossary').map((a) => a.href) // ["/glossary", "/cy/glossary"]
 */
export function alternates(originalUrl: string): { hreflang: string; href: string }[] {
  return LOCALES.map((locale) => ({ hreflang: locale, href: sameUrlIn(originalUrl, locale) }));
}

/** The `<html lang>` of each language: British English, and Welsh as GOV.UK writes it. */
export const HTML_LANGS: Readonly<Record<Locale, string>> = { en: 'en-GB', cy: 'cy' };
