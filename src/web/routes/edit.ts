/**
 * Edit and upload: paste or upload YAML, see every problem at its line (the text is always kept;
 * a long text shows only the lines near its problems, so the page stays small), and save it: as a new scenario (the default) or as a new revision of the one being edited (the
 * old revision stays in its history, restorable). A save that started from an older revision than
 * the newest is refused and the person's text shown again. Unchanged lines keep their line endings.
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { loadScenario } from '../../scenario/load';
import type { Problem } from '../../scenario/types';
import { t, withLocale } from '../../report/messages';
import { problemMessage } from '../../report/problemWords';
import { BODY_LIMIT_BYTES } from '../middleware/bodyParsers';
import { SCENARIO_NAME } from '../scenarioStore';
import { audit } from '../audit';
import { keepLineEndings } from '../lineEndings';
import { localHref } from '../language';
import { languagePageIs } from '../middleware/viewLocals';
import type { AppServices } from '../services';

/** The text with each line numbered and its problems beside it, for the page. */
export interface NumberedLine {
  number: number;
  text: string;
  problems: string[];
}

export function numberedLines(text: string, problems: readonly Problem[]): NumberedLine[] {
  // Lines as the YAML parser counts them (a lone CR does not end a line for it).
  const lines = text.split(/\r?\n/);
  const byLine = problemsByLine(problems);
  return lines.map((line, i) => ({ number: i + 1, text: line, problems: byLine.get(i + 1) ?? [] }));
}

function problemsByLine(problems: readonly Problem[]): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), problemText(p)]);
  return byLine;
}

/** Texts up to this many lines are shown whole, every line numbered. */
export const LINES_SHOWN_WHOLE = 2_000;
/** In a longer text, the lines shown either side of each problem's line. */
export const LINES_AROUND_PROBLEM = 3;
/** In a longer text, the problems whose lines are shown (the first ones). */
export const PROBLEMS_SHOWN_AT_LINES = 100;

/** Lines hidden between two shown ones: "Lines 9 to 12,990 not shown". */
export interface LineGap {
  gap: true;
  from: number;
  to: number;
}

/**
 * The lines the edit page numbers: every line of a text up to LINES_SHOWN_WHOLE lines; of a longer
 * one (13,000 keys would make a 1.9 MB page), only the lines within LINES_AROUND_PROBLEM of the
 * first PROBLEMS_SHOWN_AT_LINES problems, with the gaps between them marked.
 * @example shownLines(13_000 lines with one problem at line 104, ...).lines
 *   // [gap 1-100, lines 101-107, gap 108-13,000]; near: true, total: 13,000
 */
export function shownLines(
  text: string,
  problems: readonly Problem[],
): { lines: (NumberedLine | LineGap)[]; near: boolean; total: number } {
  const all = text.split(/\r?\n/);
  if (all.length <= LINES_SHOWN_WHOLE) return { lines: numberedLines(text, problems), near: false, total: all.length };
  const byLine = problemsByLine(problems);
  const shown = new Set<number>();
  for (const p of problems.slice(0, PROBLEMS_SHOWN_AT_LINES)) {
    for (let n = Math.max(1, p.line - LINES_AROUND_PROBLEM); n <= Math.min(all.length, p.line + LINES_AROUND_PROBLEM); n++) shown.add(n);
  }
  const numbers = [...shown].sort((a, b) => a - b);
  const lines: (NumberedLine | LineGap)[] = [];
  let next = 1;
  for (const n of numbers) {
    if (n > next) lines.push({ gap: true, from: next, to: n - 1 });
    lines.push({ number: n, text: all[n - 1]!, problems: byLine.get(n) ?? [] });
    next = n + 1;
  }
  if (next <= all.length) lines.push({ gap: true, from: next, to: all.length });
  return { lines, near: true, total: all.length };
}

/**
 * The problems of a text, from the services' check (a worker thread, so a large upload never holds
 * up other requests) or, without one (tests), on this thread.
 */
async function problemsOf(services: AppServices, text: string, fileName: string): Promise<Problem[]> {
  if (services.checkScenario) return services.checkScenario(text, fileName);
  const loaded = loadScenario(text, fileName);
  return loaded.ok ? [] : loaded.problems;
}

/**
 * A problem as a person reads it, in the page's language: "Line 12, column 3
 * (outcomes.effectiveness): expected ...". The check may have run on a worker, which words
 * problems in English; they are worded again here (src/report/problemWords.ts).
 */
export function problemText(problem: Problem): string {
  const message = problemMessage(problem.message);
  return problem.path === ''
    ? t('edit.problemNoPath', { line: problem.line, column: problem.column, message })
    : t('edit.problem', { line: problem.line, column: problem.column, path: problem.path, message });
}

interface EditForm {
  name: string;
  text: string;
  baseHash: string;
  /** The scenario this edit started from, for the "back" link. */
  from: string;
  /** 'new': save as a new scenario named `name`; 'revision': a new revision of `from`. */
  saveAs: 'new' | 'revision';
  /** What changed, for the history. */
  message: string;
}

function render(res: Parameters<RequestHandler>[1], form: EditForm, extra: Record<string, unknown> = {}, status = 200): void {
  // The edit page holds a scenario's text and a form token: never kept by a browser or a shared cache.
  res.set('Cache-Control', 'no-store');
  // After a POST the switch cannot reopen this URL: it goes to the form the text came from.
  if (res.req.method === 'POST') languagePageIs(res, SCENARIO_NAME.test(form.from) ? `/scenarios/${form.from}/edit` : '/scenarios/new');
  res
    .status(status)
    .render('pages/edit', { form, problems: [], lines: [], linesNear: false, lineCount: 0, errors: [], checked: false, ...extra });
}

/** GET /scenarios/new?from=NAME — a new scenario, optionally starting from a copy of another. */
export function newScenario(services: AppServices): RequestHandler {
  return async (req, res) => {
    const from = typeof req.query.from === 'string' ? await services.store.read(req.query.from) : undefined;
    render(res, {
      name: from ? `${from.name}-copy` : '',
      text: from?.text ?? '',
      baseHash: '',
      from: from?.name ?? '',
      saveAs: 'new',
      message: '',
    });
  };
}

/** GET /scenarios/:name/edit — the file's text, to change and save. */
export function edit(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const stored = await services.store.read(String(req.params.name ?? ''));
    if (stored === undefined) return next();
    render(res, { name: `${stored.name}-copy`, text: stored.text, baseHash: stored.hash, from: stored.name, saveAs: 'new', message: '' });
  };
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: BODY_LIMIT_BYTES, files: 1, fields: 10, fieldSize: BODY_LIMIT_BYTES },
});

/**
 * POST /scenarios/save — check (action=check) or save (action=save) the pasted or uploaded text.
 */
export function save(services: AppServices): RequestHandler[] {
  const single = upload.single('file');
  return [
    (req, res, next) =>
      single(req, res, (error: unknown) => {
        // Multer's limits as the HTTP statuses the error page words: too large, or a bad request.
        if (error instanceof multer.MulterError) Object.assign(error, { status: /SIZE|VALUE/.test(error.code) ? 413 : 400 });
        // Multer calls back from the upload stream, outside the request's language: enter it again.
        withLocale(res.locals.locale, () => next(error));
      }),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const uploaded = req.file !== undefined && req.file.size > 0 ? req.file.buffer.toString('utf8') : undefined;
      const baseHash = typeof body.baseHash === 'string' ? body.baseHash : '';
      const from = typeof body.from === 'string' ? body.from : '';
      // Without a choice (older pages, scripts): a revision when it names the scenario it started from.
      const saveAs = body.saveAs === 'new' || body.saveAs === 'revision' ? body.saveAs : baseHash !== '' ? 'revision' : 'new';
      const form: EditForm = {
        name: typeof body.name === 'string' ? body.name.trim() : '',
        text: uploaded ?? (typeof body.text === 'string' ? body.text : ''),
        baseHash,
        from,
        saveAs,
        message: typeof body.message === 'string' ? body.message.trim().slice(0, 500) : '',
      };
      const target = saveAs === 'revision' && body.saveAs === 'revision' ? from : form.name;
      const errors: { field: string; message: string }[] = [];
      if (form.text.trim() === '') {
        render(res, form, { errors: [{ field: 'text', message: t('edit.error.empty') }] }, 422);
        return;
      }
      const problems = await problemsOf(services, form.text, `${form.name || 'scenario'}.yaml`);
      const numbered = problems.length > 0 ? shownLines(form.text, problems) : { lines: [], near: false, total: 0 };
      const shown = {
        problems: problems.map((p) => ({ ...p, text: problemText(p) })),
        lines: numbered.lines,
        linesNear: numbered.near,
        lineCount: numbered.total,
        checked: true,
        uploaded: uploaded !== undefined,
      };
      if (body.action !== 'save' || problems.length > 0) {
        render(
          res,
          form,
          {
            ...shown,
            errors: problems.length > 0 ? [{ field: 'problems', message: t('edit.error.problems', { count: problems.length }) }] : [],
          },
          problems.length > 0 ? 422 : 200,
        );
        return;
      }
      if (!SCENARIO_NAME.test(target)) errors.push({ field: 'name', message: t('edit.error.name') });
      if (errors.length > 0) {
        render(res, form, { ...shown, errors }, 422);
        return;
      }
      // A text box comes back with CR LF endings: lines the person did not change keep the ones
      // they had in the text they started from.
      const base = uploaded === undefined && SCENARIO_NAME.test(from) ? await services.store.read(from) : undefined;
      const text = base === undefined ? form.text : keepLineEndings(base.text, form.text);
      const user = res.locals.user!;
      const note = {
        author: user.name,
        message:
          form.message ||
          (saveAs === 'revision' ? t('edit.defaultMessage') : from ? t('edit.defaultMessageCopy', { from }) : t('edit.defaultMessageNew')),
      };
      const outcome = await services.store.save(target, text, saveAs === 'new' ? null : form.baseHash === '' ? null : form.baseHash, note);
      if (outcome.ok) {
        audit(services, res, {
          action: 'save',
          target: `${outcome.name} revision ${outcome.revision}`,
          outcome: 'done',
          detail: note.message,
        });
        res.redirect(303, localHref(`/scenarios/${outcome.name}?saved=${outcome.revision}`));
        return;
      }
      audit(services, res, { action: 'save', target, outcome: 'refused', detail: outcome.reason });
      const message =
        outcome.reason === 'exists'
          ? t('edit.error.exists', { name: target })
          : outcome.reason === 'changed'
            ? t('edit.error.changed', { name: target })
            : outcome.reason === 'readOnly'
              ? t('edit.error.readOnly')
              : t('edit.error.name');
      render(res, form, { ...shown, errors: [{ field: 'name', message }], clash: outcome.reason === 'changed' }, 409);
    },
  ];
}
