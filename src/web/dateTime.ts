/**
 * A moment as people in Wales read it: "3 March 2026 at 14:05", UK time, through Intl en-GB
 * (src/report/format.ts has dates only; history and the audit log need the time too).
 */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** @example formatDateTime(new Date('2026-03-03T14:05:00Z')) // "3 March 2026 at 14:05" */
export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}
