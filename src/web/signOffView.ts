/**
 * A signed-off run shown again: its stored results (never rerun), the scenario loaded from the
 * signed-off revision's text with the run's changes, and a stamp that says who signed it off, when
 * and for which paper. The same sign-off gives the same report and workbook bytes every time.
 */
import type { Results } from '../model/results';
import { formatDate } from '../report/format';
import { t } from '../report/messages';
import { runStamp, type RunStamp } from '../report/stamp';
import type { Scenario } from '../scenario/types';
import type { Db } from '../store/database';
import { latestRevision, revisionById, type Revision } from '../store/revisions';
import type { SignOff } from '../store/signOffs';
import { loadScenarioCached } from './loadCache';
import { localHref } from './language';
import { parseRunQuery, permalink } from './runQuery';

/** "Signed off by Jane Price on 3 March 2026 for Cabinet: CLASS extension (paper of 12 March 2026)". */
export function signOffSentence(signOff: Pick<SignOff, 'signedBy' | 'signedAt' | 'paper' | 'paperDate'>): string {
  return t('signOff.sentence', {
    who: signOff.signedBy,
    date: formatDate(new Date(signOff.signedAt)),
    paper: signOff.paper,
    paperDate: formatDate(signOff.paperDate),
  });
}

/** The link that reruns the signed-off run against the scenario's current text (if unchanged). */
export function signOffPermalink(revision: Revision, signOff: SignOff): string {
  const seed = /^-?\d+$/.test(signOff.seed) ? Number(signOff.seed) : signOff.seed;
  return permalink(revision.scenario, { hash: revision.hash, iterations: signOff.iterations, seed, changes: signOff.changes });
}

export interface SignedOffRun {
  signOff: SignOff;
  revision: Revision;
  results: Results;
  scenario: Scenario;
  stamp: RunStamp;
  sentence: string;
  /** The scenario has a newer revision than the one signed off. */
  changedSince: boolean;
  permalink: string;
}

/** Everything a signed-off run's pages need; undefined when its revision's text no longer loads. */
export function signedOffRun(db: Db, signOff: SignOff, origin = ''): SignedOffRun | undefined {
  const revision = revisionById(db, signOff.revisionId);
  if (revision === undefined) return undefined;
  const overrides = parseRunQuery({ set: signOff.changes }).overrides;
  const loaded = loadScenarioCached(revision.text, revision.hash, `${revision.scenario}.yaml`, overrides);
  if (!loaded.ok) return undefined;
  const results = JSON.parse(signOff.resultsJson) as Results;
  const sentence = signOffSentence(signOff);
  const stamp: RunStamp = {
    ...runStamp(results, {
      file: revision.scenario,
      fileHash: revision.hash,
      changes: signOff.changes,
      ranAt: new Date(signOff.signedAt),
      url: origin + localHref(`/sign-offs/${signOff.id}`),
    }),
    signOff: sentence,
  };
  const latest = latestRevision(db, revision.scenario);
  return {
    signOff,
    revision,
    results,
    scenario: loaded.scenario,
    stamp,
    sentence,
    changedSince: latest !== undefined && latest.id !== revision.id,
    permalink: signOffPermalink(revision, signOff),
  };
}
