/**
 * express-session's store in the same database: sessions stay on the server (the cookie holds only
 * the signed session id) and survive a restart. Expired rows are ignored and pruned.
 */
import session from 'express-session';
import type { Db } from './database';

const DEFAULT_LIFETIME_MS = 8 * 60 * 60 * 1000;

export class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + DEFAULT_LIFETIME_MS;
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    try {
      const row = this.db.prepare('SELECT data, expires_at FROM sessions WHERE sid = ?').get(sid) as
        { data: string; expires_at: number } | undefined;
      if (row === undefined || row.expires_at <= Date.now()) return callback(null, null);
      callback(null, JSON.parse(row.data) as session.SessionData);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    try {
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
      this.db
        .prepare(
          'INSERT INTO sessions (sid, expires_at, data) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data',
        )
        .run(sid, this.expiry(data), JSON.stringify(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    try {
      this.db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(this.expiry(data), sid);
    callback?.();
  }
}
