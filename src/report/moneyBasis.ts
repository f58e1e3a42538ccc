/**
 * The money basis in one sentence (shared/model.md section 17), stated once on every output: the
 * command-line table, the CSV, the workbook, the pages and the report. Never "today's money".
 * It words the results' `moneyBasis` with the catalogue's `moneyBasis.*` messages.
 */
import type { MoneyBasis } from '../model/results';
import { formatPercent } from './format';
import { currentLocale, t, type Locale } from './messages';

/**
 * How the figures are counted, in words.
 * @example moneyBasisSentence({ priceBase: '2024/25', inflation: 0.02, contractPrice: 'cash', discountRate: 0.035, discountBaseYear: '2026/27' })
 * // "Money basis: cash figures include 2% a year general inflation; present values are in 2024/25 prices, discounted to 2026/27 at 3.5% a year; the contract is a cash price."
 * @example moneyBasisSentence({ priceBase: '2024/25', inflation: 0, contractPrice: 'real', discountRate: 0.035, discountBaseYear: '2024/25' })
 * // "Money basis: cash figures assume no general inflation, so cash equals real terms; present values are in 2024/25 prices, discounted to 2024/25 at 3.5% a year; the contract is a real-terms price."
 */
export function moneyBasisSentence(basis: MoneyBasis, locale: Locale = currentLocale()): string {
  const params = {
    inflation: formatPercent(basis.inflation, 2, locale),
    priceBase: basis.priceBase,
    baseYear: basis.discountBaseYear,
    rate: formatPercent(basis.discountRate, 2, locale),
    contract: t(basis.contractPrice === 'cash' ? 'moneyBasis.contract.cash' : 'moneyBasis.contract.real', {}, locale),
  };
  return t(basis.inflation === 0 ? 'moneyBasis.noInflation' : 'moneyBasis.sentence', params, locale);
}
