/**
 * The child of the crash test: saves the bundled class-central scenario again and again as new
 * revisions of "crash" in the database in DATA_DIR, writing "ack N" after each save returns. The
 * test kills it with SIGKILL part-way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scenarioHash } from '../../src/scenario/hash';
import { openDatabase } from '../../src/store/database';
import { latestRevision } from '../../src/store/revisions';
import { PROJECT_ROOT } from '../../src/web/middleware/staticFiles';
import { databaseStore } from '../../src/web/scenarioStore';

const db = openDatabase(process.env.DATA_DIR!);
const store = databaseStore(path.join(PROJECT_ROOT, 'scenarios-none'), db);
const central = readFileSync(path.join(PROJECT_ROOT, 'scenarios', 'class-central.yaml'), 'utf8');
const count = Number(process.env.SAVES ?? 200);
let base = latestRevision(db, 'crash')?.hash ?? null;
for (let i = 0; i < count; i++) {
  const text = central.replace(/annual_value: \d+/, `annual_value: ${600_000 + i}`);
  const outcome = await store.save('crash', text, base, { author: 'crash test', message: `save ${i}` });
  if (!outcome.ok) throw new Error(`save ${i} refused: ${outcome.reason}`);
  base = scenarioHash(text);
  process.stdout.write(`ack ${outcome.revision}\n`);
}
