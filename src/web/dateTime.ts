/**
 * A moment as people in Wales read it: "3 March 2026 at 14:05" or "3 Mawrth 2026 am 14:05", UK
 * time, through Intl in the language in force (src/report/format.ts has dates only; history and
 * the audit log need the time too).
 */
import { currentLocale, LOCALE_TAGS, type Locale } from '../report/messages';

const DATE_TIMES = new Map<Locale, Intl.DateTimeFormat>();

/** One formatter per language, built when first needed (Intl formatters are slow to build). */
function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  let format = DATE_TIMES.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
    DATE_TIMES.set(locale, format);
  }
  return format;
}

/**
 * @example formatDateTime(new Date('2026-03-03T14:05:00Z')) // "3 March 2026 at 14:05"
 * @example formatDateTime(new Date('2026-03-03T14:05:00Z'), 'cy') // "3 Mawrth 2026 am 14:05"
 */
export function formatDateTime(date: Date, locale: Locale = currentLocale()): string {
  return dateTimeFormat(locale).format(date);
}
