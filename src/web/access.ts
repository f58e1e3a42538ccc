/**
 * Who may use each route: the one table. Every route the app serves is listed here with the least
 * role it needs (test/auth/routes.test.ts walks the app's routes against it, with every role and
 * with none). A request that matches no row needs `admin`, so a route added without a row is
 * closed rather than open.
 */
import type { Access } from './auth/roles';

export interface RouteAccess {
  method: 'GET' | 'POST';
  /** An Express path: "/scenarios/:name/edit". */
  path: string;
  access: Access;
  /** Why, in a few words (read by people reviewing the table). */
  why: string;
}

export const ROUTE_ACCESS: readonly RouteAccess[] = [
  { method: 'GET', path: '/health', access: 'public', why: 'load balancer checks' },
  // Served before sign-in (as are public/ and /assets): the sign-in page needs its styles.
  { method: 'GET', path: '/vendor/:file', access: 'public', why: 'styles and scripts, the same for everyone' },
  { method: 'GET', path: '/sign-in', access: 'public', why: 'choose a council directory' },
  { method: 'GET', path: '/sign-in/:council', access: 'public', why: 'go to the directory' },
  { method: 'GET', path: '/auth/callback', access: 'public', why: 'back from the directory' },
  { method: 'POST', path: '/sign-out', access: 'public', why: 'anyone may end their session (CSRF-checked)' },
  { method: 'GET', path: '/', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/glossary', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/scenarios', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/compare', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/scenarios/new', access: 'editor', why: 'write a scenario' },
  { method: 'POST', path: '/scenarios/save', access: 'editor', why: 'save a scenario (check is part of the same form)' },
  { method: 'GET', path: '/scenarios/:name/edit', access: 'editor', why: 'change a scenario' },
  { method: 'POST', path: '/scenarios/:name/restore', access: 'admin', why: 'restore an earlier revision' },
  { method: 'GET', path: '/scenarios/:name/sign-off', access: 'approver', why: 'sign off a run for a paper' },
  { method: 'POST', path: '/scenarios/:name/sign-off', access: 'approver', why: 'sign off a run for a paper' },
  { method: 'GET', path: '/scenarios/:name/history', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/scenarios/:name/history/:number', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/scenarios/:name/diff', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/sign-offs/:id', access: 'viewer', why: 'read a signed-off run' },
  { method: 'GET', path: '/sign-offs/:id/report', access: 'viewer', why: 'download' },
  { method: 'GET', path: '/sign-offs/:id/results.xlsx', access: 'viewer', why: 'download' },
  { method: 'GET', path: '/admin/audit', access: 'admin', why: 'the audit log' },
  { method: 'GET', path: '/api/scenarios', access: 'viewer', why: 'read (session or bearer token)' },
  { method: 'GET', path: '/api/scenarios/:name/results', access: 'viewer', why: 'read (session or bearer token)' },
  // The scenario's results, its sub-pages, what-ifs, status polling, exports and report.
  { method: 'GET', path: '/scenarios/:name', access: 'viewer', why: 'read' },
  { method: 'GET', path: '/scenarios/:name/:page', access: 'viewer', why: 'read, run what-ifs, download' },
];

/** A path pattern as a regular expression: each ":param" one path segment. */
function patternOf(routePath: string): RegExp {
  const escaped = routePath.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('/')}/?$`);
}

const COMPILED = ROUTE_ACCESS.map((row) => ({ ...row, pattern: patternOf(row.path) }));

/**
 * The access a request needs: the first row matching its method (HEAD as GET) and path; admin
 * when none does.
 * @example accessFor('GET', '/scenarios/class-central/edit') // 'editor'
 */
export function accessFor(method: string, requestPath: string): Access {
  return routeAccessRow(method, requestPath)?.access ?? 'admin';
}

/** The table's row for a request, or undefined when no row matches (then admin is needed). */
export function routeAccessRow(method: string, requestPath: string): RouteAccess | undefined {
  const asked = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((row) => row.method === asked && row.pattern.test(requestPath));
}
