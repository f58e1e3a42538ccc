/**
 * Text a scenario file gives in English and, optionally, in Welsh: `{ en: 'Bridgend', cy: 'Pen-y-bont ar Ogwr' }`.
 * A plain string in the file is English only (`{ en: ... }`). The report layer picks the language
 * in force (src/report/localText.ts), falling back to English.
 */
export interface LocalText {
  en: string;
  cy?: string;
}
