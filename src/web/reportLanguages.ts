/**
 * The cabinet report in one language or two. `?bilingual=1` on a report's link prints it Welsh first,
 * then English, in one document (as the councils print bilingual papers): each half shaped in its
 * own language, with the view's `t`, `tPlural`, `format` and `href` bound to it, its own `lang`,
 * and its ids prefixed so the two halves never share one. Without it the report is in the page's
 * language, exactly as before.
 */
import type { Request } from 'express';
import { formattersFor, type Formatters } from '../report/format';
import { currentLocale, tPlural, translatorFor, withLocale, type Locale, type MessageParams, type Translate } from '../report/messages';
import { HTML_LANGS, localHref } from './language';

/** The bilingual report's languages, in print order: Welsh first. */
export const BILINGUAL_ORDER: readonly Locale[] = ['cy', 'en'];

/** What a half of the report page is rendered with, besides its shaped figures. */
export interface ReportHalf {
  locale: Locale;
  /** Its `lang` attribute. */
  lang: string;
  /** Put before every id in the half ("cy-"), or "" on a one-language page. */
  idPrefix: string;
  t: Translate;
  tPlural: (baseKey: string, count: number, params?: MessageParams) => string;
  format: Formatters;
  href: (path: string) => string;
}

/** Whether the request asks for the bilingual report (`bilingual=1`). */
export function wantsBilingual(req: Request): boolean {
  return req.query.bilingual === '1';
}

/**
 * The report link with `bilingual=1` added, and without it.
 * @example reportLinks('/cy/scenarios/a/report?seed=7') // { bilingual: '/cy/scenarios/a/report?seed=7&bilingual=1', oneLanguage: '/cy/scenarios/a/report?seed=7' }
 */
export function reportLinks(reportHref: string): { bilingual: string; oneLanguage: string } {
  return { bilingual: `${reportHref}${reportHref.includes('?') ? '&' : '?'}bilingual=1`, oneLanguage: reportHref };
}

/**
 * The report's halves: each language's `shape()` run inside that language (so every sentence,
 * figure, date and link in it is that language's), with the view helpers bound to it. One half in
 * the request's language, or Welsh then English.
 */
export function reportHalves<Shaped extends object>(bilingual: boolean, shape: () => Shaped): (ReportHalf & Shaped)[] {
  const locales = bilingual ? BILINGUAL_ORDER : [currentLocale()];
  return locales.map((locale) =>
    withLocale(locale, () => ({
      locale,
      lang: HTML_LANGS[locale],
      idPrefix: bilingual ? `${locale}-` : '',
      t: translatorFor(locale),
      tPlural: (baseKey: string, count: number, params?: MessageParams) => tPlural(baseKey, count, params, locale),
      format: formattersFor(locale),
      href: (path: string) => localHref(path, locale),
      ...shape(),
    })),
  );
}
