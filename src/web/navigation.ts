import type { MessageKey, Translate } from '../report/messages';

/** The service navigation, in order. Add a page's entry here to put it in the header. */
export const NAVIGATION: readonly { href: string; textKey: MessageKey }[] = [
  { href: '/', textKey: 'layout.nav.home' },
  { href: '/scenarios', textKey: 'layout.nav.scenarios' },
  { href: '/compare', textKey: 'layout.nav.compare' },
  { href: '/scenarios/new', textKey: 'layout.nav.new' },
];

export interface NavigationItem {
  href: string;
  text: string;
  /** Whether the current page is this item or below it. */
  active: boolean;
}

/** The navigation href that holds `currentPath`: the longest matching prefix. */
function activeItem(currentPath: string): string | undefined {
  const matches = NAVIGATION.map(({ href }) => href).filter((href) =>
    href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`),
  );
  return matches.sort((a, b) => b.length - a.length)[0];
}

/**
 * The navigation items for a page at `currentPath`, with the current one marked.
 * @example navigationFor('/scenarios/central', t)[1].active // true
 */
export function navigationFor(currentPath: string, t: Translate): NavigationItem[] {
  return NAVIGATION.map(({ href, textKey }) => ({
    href,
    text: t(textKey),
    active: activeItem(currentPath) === href,
  }));
}
