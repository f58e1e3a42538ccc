/**
 * Ids made unique when one page shows the same view twice (the bilingual report: Welsh, then
 * English). Every `id`, and every reference to one inside the same HTML (`for`, `headers`,
 * `aria-labelledby`, `aria-describedby`, `aria-controls`, `href="#..."`), gets the prefix, so
 * labels and links still point within their own half. Works on HTML our views rendered: attribute
 * values are double-quoted and escaped, so a quote inside text can never look like an attribute.
 */

const ONE_ID = /(\s(?:id|for)=")([^"]+)(")/g;
const ID_LISTS = /(\s(?:headers|aria-labelledby|aria-describedby|aria-controls)=")([^"]+)(")/g;
const FRAGMENTS = /(\shref="#)([^"]+)(")/g;

/**
 * `html` with `prefix` before every id and every reference to an id.
 * @example prefixIds('<h2 id="a">A</h2><a href="#a">', 'en-') // '<h2 id="en-a">A</h2><a href="#en-a">'
 * @example prefixIds('<canvas aria-labelledby="t s">', 'cy-') // '<canvas aria-labelledby="cy-t cy-s">'
 */
export function prefixIds(html: string, prefix: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`prefixIds: expected a prefix of letters, digits, _ and -, got "${prefix}"`);
  return html
    .replace(ONE_ID, (_match, before: string, id: string, after: string) => `${before}${prefix}${id}${after}`)
    .replace(
      ID_LISTS,
      (_match, before: string, ids: string, after: string) =>
        `${before}${ids
          .trim()
          .split(/\s+/)
          .map((id) => prefix + id)
          .join(' ')}${after}`,
    )
    .replace(FRAGMENTS, (_match, before: string, id: string, after: string) => `${before}${prefix}${id}${after}`);
}
