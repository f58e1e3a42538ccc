// The values every view can read from res.locals, set by the middleware in ./middleware.
import type { Formatters } from '../report/format';
import type { Locale, MessageParams, Translate } from '../report/messages';
import type { NavigationItem } from './navigation';
import type { SignedInUser } from './auth/roles';
import type { PendingSignIn } from './auth/oidc';

declare global {
  namespace Express {
    interface Locals {
      /** Set by requestId: a UUID, also sent as X-Request-Id and shown on error pages. */
      requestId: string;
      /** The page's language, from its path (middleware/language.ts). */
      locale: Locale;
      /** BCP 47 tag for the lang attribute: "en-GB" or "cy". */
      lang: string;
      /** An internal link in the page's language: href('/scenarios') is "/cy/scenarios" in Welsh. */
      href: (path: string) => string;
      /** The same page in the other language(s), for the header's switch. */
      languageSwitch: import('./language').LanguageSwitch[];
      /** The page in every language, for `<link rel="alternate" hreflang>`. */
      alternates: { hreflang: string; href: string }[];
      t: Translate;
      /** Plural messages: tPlural('scenarios.count', 3). */
      tPlural: (baseKey: string, count: number, params?: MessageParams) => string;
      format: Formatters;
      /** The request path, for marking the current navigation item. */
      currentPath: string;
      navigation: NavigationItem[];
      /** Set by authenticate: who is asking (undefined: nobody signed in). */
      user?: SignedInUser;
      /** 'none' (one person on this machine) or 'oidc'. */
      authMode?: 'none' | 'oidc';
      /** The session ran out on this request. */
      sessionExpired?: boolean;
      /** The request was authenticated by a bearer token (JSON API). */
      bearer?: boolean;
      /** Set by csrf: the token every state-changing form carries in `_csrf`. */
      csrfToken?: string;
      /** Set by signOffNotice on a scenario's pages: the run was signed off, or changed since. */
      signOffNotice?: import('./middleware/signOffNotice').SignOffNotice;
      /** Set by signOffNotice on a scenario's pages: its history link, and sign-off for approvers. */
      scenarioTools?: import('./middleware/signOffNotice').ScenarioTools;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    user?: SignedInUser;
    pending?: PendingSignIn;
  }
}

export {};
