/**
 * Whether a scenario's own text (its name, description, sources, the source notes of its inputs,
 * its councils' names, and the file's comments shown beside inputs) exists in the language in
 * force, and the notice a page shows once near its top when some of it is in English only.
 */
import type { LocalText } from '../model/localText';
import type { Scenario } from '../scenario/types';
import { sourceNoteAt } from './inputs';
import { currentLocale, t, type Locale } from './messages';

type ScenarioText = Pick<
  Scenario,
  'name' | 'description' | 'sources' | 'provenance' | 'councils' | 'text' | 'positions' | 'variables' | 'quantities'
>;

/** Every piece of the scenario's own text a reader may see (empty texts left out). */
function textsOf(scenario: ScenarioText): LocalText[] {
  return [
    scenario.name,
    scenario.description,
    ...scenario.sources,
    ...Object.values(scenario.provenance).flatMap((p) => (p.source === undefined ? [] : [p.source])),
    ...scenario.councils.map((c) => c.label),
  ].filter((text) => text.en.trim() !== '');
}

/**
 * The comments beside or above inputs that pages show as their notes (as assumptionsOf does),
 * other than a repeat of the input's own source: a comment is in one language, the file's.
 */
function commentNotesOf(scenario: ScenarioText): string[] {
  const paths = [...Object.keys(scenario.variables).map((name) => `variables.${name}`), ...Object.keys(scenario.quantities)];
  return paths.flatMap((path) => {
    const line = scenario.positions[path]?.line ?? 0;
    const note = line > 0 ? sourceNoteAt(scenario.text, line) : '';
    return note === '' || note === scenario.provenance[path]?.source?.en ? [] : [note];
  });
}

/**
 * Whether some of the scenario's own text has no translation into `locale` (never for English).
 * @example lacksTranslation(scenario, 'cy') // true when, say, one source note is given in English only
 */
export function lacksTranslation(scenario: ScenarioText, locale: Locale = currentLocale()): boolean {
  if (locale === 'en') return false;
  return textsOf(scenario).some((text) => text[locale] === undefined) || commentNotesOf(scenario).length > 0;
}

/**
 * The notice a scenario's pages and report show once near the top when some of its own text
 * exists only in English and the page is in another language; null when there is nothing to say.
 */
export function englishOnlyNotice(scenario: ScenarioText, locale: Locale = currentLocale()): string | null {
  return lacksTranslation(scenario, locale) ? t('scenarioText.englishOnly', {}, locale) : null;
}

/**
 * The same for a list of scenarios (the scenarios page), given whether any of them lacks a
 * translation (lacksTranslation of each); null when none does or the page is in English.
 */
export function englishOnlyListNotice(anyUntranslated: boolean, locale: Locale = currentLocale()): string | null {
  return anyUntranslated && locale !== 'en' ? t('scenarioText.englishOnlySome', {}, locale) : null;
}
