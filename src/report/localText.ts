/**
 * A scenario's own text (its name, description, sources, source notes and council names) in the
 * language in force: the Welsh when the file gives it, else the English. Keys (council names in
 * perspectives, `decision.perspective`, URLs) never change with the language; only what is shown.
 */
import type { LocalText } from '../model/localText';
import type { Results } from '../model/results';
import { currentLocale, type Locale } from './messages';

/**
 * The text in `locale`, falling back to English.
 * @example localText({ en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' }) // "Pen-y-bont ar Ogwr" under withLocale('cy'), "Bridgend" otherwise
 */
export function localText(text: LocalText, locale: Locale = currentLocale()): string {
  if (locale === 'en') return text.en;
  return text[locale] ?? text.en;
}

/**
 * The scenario's name in `locale`, from results (older stored results carry the English name only).
 * @example scenarioName(results) // "Gwasanaeth rhanbarthol CLASS, yr achos canolog" under withLocale('cy')
 */
export function scenarioName(results: Pick<Results, 'scenario'>, locale: Locale = currentLocale()): string {
  return localText(results.scenario.text?.name ?? { en: results.scenario.name }, locale);
}

/**
 * A council's name as a reader sees it in `locale`, by its key; the key itself when the results
 * carry no label for it.
 * @example councilName(results, 'Bridgend') // "Pen-y-bont ar Ogwr" under withLocale('cy')
 */
export function councilName(results: Pick<Results, 'scenario'>, key: string, locale: Locale = currentLocale()): string {
  const label = results.scenario.text?.councils[key];
  return label === undefined ? key : localText(label, locale);
}
