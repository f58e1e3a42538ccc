/**
 * The tool's one database (SQLite through better-sqlite3): scenario revisions, the audit log,
 * sign-offs and sign-in sessions. Created on first open; migrations are numbered and each runs
 * once, in a transaction, recorded in `schema_migrations`. Revisions and audit entries can never
 * be updated or deleted (triggers refuse it), so history only grows.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The database file inside the data folder. */
export const DATABASE_FILE = 'class-tool.sqlite';

/** Numbered migrations, applied in order; never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        scenario TEXT NOT NULL,
        number INTEGER NOT NULL,
        parent_id INTEGER REFERENCES revisions(id),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        message TEXT NOT NULL,
        text TEXT NOT NULL,
        hash TEXT NOT NULL,
        model_version TEXT NOT NULL,
        UNIQUE (scenario, number)
      );
      CREATE TRIGGER revisions_never_updated BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are never changed'); END;
      CREATE TRIGGER revisions_never_deleted BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL,
        request_id TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE TRIGGER audit_never_updated BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit entries are never changed'); END;
      CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit entries are never deleted'); END;

      CREATE TABLE sign_offs (
        id INTEGER PRIMARY KEY,
        revision_id INTEGER NOT NULL REFERENCES revisions(id),
        changes TEXT NOT NULL,
        seed TEXT NOT NULL,
        iterations INTEGER NOT NULL,
        model_version TEXT NOT NULL,
        paper TEXT NOT NULL,
        paper_date TEXT NOT NULL,
        signed_by TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        results_json TEXT NOT NULL
      );
      CREATE TRIGGER sign_offs_never_updated BEFORE UPDATE ON sign_offs
        BEGIN SELECT RAISE(ABORT, 'sign-offs are never changed'); END;
      CREATE TRIGGER sign_offs_never_deleted BEFORE DELETE ON sign_offs
        BEGIN SELECT RAISE(ABORT, 'sign-offs are never deleted'); END;

      CREATE TABLE sessions (
        sid TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL,
        data TEXT NOT NULL
      );
    `,
  },
];

/**
 * Opens (creating if need be) the database in `dataDir`, or in memory for ':memory:', and brings
 * it up to the latest migration. WAL with synchronous=FULL: a committed transaction survives a
 * kill -9 or a power cut, and an uncommitted one leaves no trace.
 * @example openDatabase('data') // data/class-tool.sqlite
 */
export function openDatabase(dataDir: string): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, DATABASE_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies the migrations not yet recorded; returns the schema version reached. */
export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    }).immediate();
  }
  return Math.max(0, ...MIGRATIONS.map((m) => m.version));
}
