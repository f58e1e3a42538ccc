import type { MessageKey, Translate } from '../report/messages';

/** The service navigation, in order. Add a page's entry here to put it in the header. */
export const NAVIGATION: readonly { href: string; textKey: MessageKey }[] = [
  { href: '/', textKey: 'layout.nav.home' },
  { href: '/scenarios', textKey: 'layout.nav.scenarios' },
];

export interface NavigationItem {
  href: string;
  text: string;
  /** Whether the current page is this item or below it. */
  active: boolean;
}

/**
 * The navigation items for a page at `currentPath`, with the current one marked.
 * @example navigationFor('/scenarios/central', t)[1].active // true
 */
export function navigationFor(currentPath: string, t: Translate): NavigationItem[] {
  return NAVIGATION.map(({ href, textKey }) => ({
    href,
    text: t(textKey),
    active: href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`),
  }));
}
