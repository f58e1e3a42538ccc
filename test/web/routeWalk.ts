/**
 * The app's route table as the walking tests read it (test/auth/routes.test.ts with every role,
 * test/web/welsh.test.ts in Welsh): every GET and POST route registered on the app, and a real URL
 * for each route pattern.
 */
import type express from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method and path registered on the app, including routers mounted at the root. */
export function appRoutes(app: express.Express): { method: 'GET' | 'POST'; path: string }[] {
  const found: { method: 'GET' | 'POST'; path: string }[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        for (const method of Object.keys(layer.route.methods))
          found.push({ method: method.toUpperCase() as 'GET' | 'POST', path: layer.route.path });
      } else if (layer.handle?.stack !== undefined) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

/** A real path for a route pattern: the central scenario, revision 1, sign-off 1, the council, the status page. */
export function concrete(routePath: string): string {
  return routePath
    .replace(':name', 'class-central')
    .replace(':number', '1')
    .replace(':id', '1')
    .replace(':council', 'bridgend')
    .replace(':page', 'status');
}
