import type { BaseChatModel } from "rivulet";
import { type ServeApp, serve } from "rivulet/serve";
import { type TourRoute, tourRoutes } from "./tour-routes.js";

/** The served tour: the handler, and the routes it serves (for the printed list). */
export interface TourServer {
  readonly app: ServeApp;
  readonly routes: readonly TourRoute[];
}

/** Builds the handler serving the tour's chains on `model` (started by `npm run serve`, tested in-process). */
export async function tourServer(model: BaseChatModel): Promise<TourServer> {
  const routes = await tourRoutes(model);
  const table: Record<string, TourRoute["runnable"]> = {};
  for (const route of routes) table[route.path] = route.runnable;
  return { app: serve(table), routes };
}

/**
 * A route's playground link under `baseUrl`, with its example input in the URL's hash (the
 * playground's share-link format), so the page opens ready to run.
 */
export function playgroundUrl(baseUrl: string, route: TourRoute): string {
  return `${baseUrl}${route.path}/playground/#${encodeURIComponent(JSON.stringify({ input: route.example }))}`;
}

/** The lines `npm run serve` prints: one per route, its playground link and what it shows. */
export function routeLines(baseUrl: string, routes: readonly TourRoute[]): string[] {
  return routes.map(
    (route) => `  ${route.path.padEnd(15)} ${route.title}\n    ${playgroundUrl(baseUrl, route)}`,
  );
}
