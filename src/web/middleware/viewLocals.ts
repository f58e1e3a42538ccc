import type { RequestHandler, Response } from 'express';
import { formattersFor, type Formatters } from '../../report/format';
import { DEFAULT_LOCALE, LOCALES, tPlural, translatorFor, type Locale, type MessageParams, type Translate } from '../../report/messages';
import { alternates, HTML_LANGS, languageSwitch, localHref } from '../language';
import { navigationFor } from '../navigation';

/** Per language, built once: the bound translator and formatters. */
const BOUND = new Map<Locale, { t: Translate; format: Formatters }>(
  LOCALES.map((locale) => [locale, { t: translatorFor(locale), format: formattersFor(locale) }]),
);

/**
 * What every view reads: `t` and `tPlural` for text, `format` for numbers, the locale and `lang`,
 * `href(path)` for internal links in the page's language, the language switch and the page's
 * alternates, and the current path and the navigation. The locale is the one `language()` read
 * from the path (English when it has not run, as in a bare error page).
 */
export function viewLocals(): RequestHandler {
  return (req, res, next) => {
    viewLocalsIn(res, res.locals.locale ?? DEFAULT_LOCALE);
    next();
  };
}

/**
 * Binds the view locals to `locale`: what viewLocals does for the request's own language, and what
 * a page answering for another page uses (the sign-in callback answers in the language the
 * person started signing in from).
 */
export function viewLocalsIn(res: Response, locale: Locale): void {
  const req = res.req;
  const { t, format } = BOUND.get(locale)!;
  res.locals.locale = locale;
  res.locals.lang = HTML_LANGS[locale];
  res.locals.t = t;
  res.locals.format = format;
  res.locals.tPlural = (baseKey: string, count: number, params?: MessageParams) => tPlural(baseKey, count, params, locale);
  res.locals.href = (path: string) => localHref(path, locale);
  res.locals.languageSwitch = languageSwitch(req.originalUrl, locale);
  res.locals.alternates = alternates(req.originalUrl);
  res.locals.currentPath = req.path;
  res.locals.navigation = navigationFor(req.path, t, locale);
}

/**
 * Points the language switch and the alternates at `path` (without a language prefix) instead of
 * the request's URL: for a page answering a POST, whose URL cannot be opened again in the other
 * language (the edit page after "Check" goes to the same form in the other language).
 * @example languagePageIs(res, '/scenarios/class-central/edit')
 */
export function languagePageIs(res: Response, path: string): void {
  res.locals.languageSwitch = languageSwitch(path, res.locals.locale);
  res.locals.alternates = alternates(path);
}
