/**
 * Browsers send a text box's lines ending in CR LF whatever the file had. So that a save changes
 * only what the person changed, each unchanged line keeps the ending it had in the text they
 * started from, and each new or changed line takes that text's usual ending.
 */
import { diffArrays } from 'diff';

/** A text as lines, each with its own ending ('' for a last line without one). */
function splitKeepingEndings(text: string): { line: string; ending: string }[] {
  const parts: { line: string; ending: string }[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    parts.push({ line: text.slice(start, match.index), ending: match[0] });
    start = match.index + match[0].length;
  }
  parts.push({ line: text.slice(start), ending: '' });
  return parts;
}

/** The ending most lines of `text` use; LF when it has none. */
export function usualEnding(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * `submitted` with the line endings of `base` wherever its lines are unchanged.
 * @example keepLineEndings('a\nb\n', 'a\r\nB\r\n') // 'a\nB\n'
 * @example keepLineEndings('a\r\nb', 'a\nb') // 'a\r\nb'
 */
export function keepLineEndings(base: string, submitted: string): string {
  const old = splitKeepingEndings(base);
  const now = splitKeepingEndings(submitted);
  const usual = usualEnding(base);
  let out = '';
  let oldIndex = 0;
  let nowIndex = 0;
  for (const part of diffArrays(
    old.map((p) => p.line),
    now.map((p) => p.line),
  )) {
    if (part.removed) {
      oldIndex += part.value.length;
      continue;
    }
    for (let k = 0; k < part.value.length; k++) {
      const current = now[nowIndex]!;
      const last = nowIndex === now.length - 1;
      // An unchanged line keeps its old ending, except that the text ends where the new text ends.
      const ending = last ? '' : !part.added ? (old[oldIndex]!.ending === '' ? usual : old[oldIndex]!.ending) : usual;
      out += current.line + ending;
      nowIndex++;
      if (!part.added) oldIndex++;
    }
  }
  return out;
}
