import { currentLocale, type Locale, type MessageKey, type Translate } from '../report/messages';
import { localHref } from './language';

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
 * The navigation items for a page at `currentPath` (without its language prefix), with the current
 * one marked, linking in `locale`.
 * @example navigationFor('/scenarios/central', t)[1].active // true
 * @example navigationFor('/', t, 'cy')[1].href // "/cy/scenarios"
 */
export function navigationFor(currentPath: string, t: Translate, locale: Locale = currentLocale()): NavigationItem[] {
  return NAVIGATION.map(({ href, textKey }) => ({
    href: localHref(href, locale),
    text: t(textKey),
    active: activeItem(currentPath) === href,
  }));
}

/** The sub-pages of a scenario, in order: each answers one question; '' is the front page. */
export const SCENARIO_SECTIONS = ['', 'options', 'budget', 'how-sure', 'what-matters', 'on-track', 'assumptions', 'what-if'] as const;
export type ScenarioSection = (typeof SCENARIO_SECTIONS)[number];

export interface SectionLink {
  section: ScenarioSection;
  href: string;
  text: string;
  /** The short label of the sub-navigation. */
  short: string;
  /** What the page answers, for the front page's contents list. */
  question: string;
  current: boolean;
}

/**
 * The sub-navigation of a scenario: every section's link keeping the run's query (so a permalink's
 * changes, seed and simulations follow) and the request's language, the current one marked.
 * @example scenarioSections('central', 'hash=abc', 'budget', t)[2].href // "/scenarios/central/budget?hash=abc"
 */
export function scenarioSections(name: string, query: string, current: ScenarioSection, t: Translate): SectionLink[] {
  const base = `/scenarios/${encodeURIComponent(name)}`;
  return SCENARIO_SECTIONS.map((section) => ({
    section,
    href: localHref(`${base}${section === '' ? '' : `/${section}`}${query === '' ? '' : `?${query}`}`),
    text: t(`pages.section.${section === '' ? 'summary' : section}` as MessageKey),
    short: t(`pages.nav.${section === '' ? 'summary' : section}` as MessageKey),
    question: section === '' ? '' : t(`pages.question.${section}` as MessageKey),
    current: section === current,
  }));
}

/** The glossary's terms, in the order the pages meet them; each has `glossary.<key>.term` and `.text`, and an anchor. */
export const GLOSSARY_TERMS: readonly { key: string; anchor: string }[] = [
  { key: 'adds', anchor: 'adds' },
  { key: 'npv', anchor: 'npv' },
  { key: 'simulations', anchor: 'simulations' },
  { key: 'range', anchor: 'range' },
  { key: 'chanceBest', anchor: 'chance-best' },
  { key: 'expectedLoss', anchor: 'expected-loss' },
  { key: 'grant', anchor: 'grant' },
  { key: 'cashable', anchor: 'cashable' },
  { key: 'moneyBasis', anchor: 'money-basis' },
  { key: 'breakEven', anchor: 'break-even' },
  { key: 'switching', anchor: 'switching' },
  { key: 'tornado', anchor: 'tornado' },
  { key: 'voi', anchor: 'value-of-information' },
  { key: 'wait', anchor: 'wait' },
  { key: 'seed', anchor: 'seed' },
];
