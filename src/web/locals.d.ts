// The values every view can read from res.locals, set by the middleware in ./middleware.
import type { Formatters } from '../report/format';
import type { Locale, MessageParams, Translate } from '../report/messages';
import type { NavigationItem } from './navigation';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by requestId: a UUID, also sent as X-Request-Id and shown on error pages. */
      requestId: string;
      locale: Locale;
      /** BCP 47 tag for the lang attribute, e.g. "en-GB". */
      lang: string;
      t: Translate;
      /** Plural messages: tPlural('scenarios.count', 3). */
      tPlural: (baseKey: string, count: number, params?: MessageParams) => string;
      format: Formatters;
      /** The request path, for marking the current navigation item. */
      currentPath: string;
      navigation: NavigationItem[];
    }
  }
}

export {};
