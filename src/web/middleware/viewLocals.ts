import type { RequestHandler } from 'express';
import { formattersFor } from '../../report/format';
import { DEFAULT_LOCALE, LOCALE_TAGS, tPlural, translatorFor, type MessageParams } from '../../report/messages';
import { navigationFor } from '../navigation';

/**
 * What every view reads: `t` for text, `format` for numbers, the locale and `lang`, and the
 * current path and the navigation. English only for now; a Welsh toggle would choose the locale here.
 */
export function viewLocals(): RequestHandler {
  const locale = DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const format = formattersFor(locale);
  return (req, res, next) => {
    res.locals.locale = locale;
    res.locals.lang = LOCALE_TAGS[locale];
    res.locals.t = t;
    res.locals.format = format;
    res.locals.tPlural = (baseKey: string, count: number, params?: MessageParams) =>
      tPlural(baseKey, count, params, locale);
    res.locals.currentPath = req.path;
    res.locals.navigation = navigationFor(req.path, t);
    next();
  };
}
