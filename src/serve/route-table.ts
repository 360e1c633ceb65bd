import { InvalidConfigError } from "../errors/input-errors.js";
import { Runnable } from "../runnables/runnable.js";

/** What `serve` serves: one Runnable at the root, or Runnables by base path (`{ "/joke": chain }`). */
export type ServeRoutes = Runnable | Readonly<Record<string, Runnable>>;

/** One served Runnable and the base path its routes hang under (`""` at the root). */
export interface ServedRunnable {
  readonly basePath: string;
  readonly runnable: Runnable;
}

/** A request path resolved to a served Runnable and the route name after its base (`"invoke"`). */
export interface RouteMatch {
  readonly served: ServedRunnable;
  readonly route: string;
}

/**
 * Checks `routes` and orders the base paths longest first, so `/a/b/invoke` matches `/a/b`
 * before `/a`. A base path is a URL path of letters, digits and `- _ . ~ /`; duplicates
 * (`"/joke"` and `"joke/"`) are refused.
 */
export function buildRouteTable(routes: ServeRoutes): ServedRunnable[] {
  if (Runnable.isRunnable(routes)) return [{ basePath: "", runnable: routes }];
  if (typeof routes !== "object" || routes === null) {
    throw new InvalidConfigError("serve: `routes` must be a Runnable or an object of Runnables by path.");
  }
  const table = new Map<string, ServedRunnable>();
  for (const [path, runnable] of Object.entries(routes)) {
    if (!Runnable.isRunnable(runnable)) {
      throw new InvalidConfigError(`serve: the route ${JSON.stringify(path)} must be a Runnable.`);
    }
    const basePath = normalizeBasePath(path);
    if (table.has(basePath))
      throw new InvalidConfigError(`serve: the path ${JSON.stringify(path)} is given twice.`);
    table.set(basePath, { basePath, runnable });
  }
  if (table.size === 0) throw new InvalidConfigError("serve: `routes` names no Runnable.");
  return [...table.values()].sort((left, right) => right.basePath.length - left.basePath.length);
}

function normalizeBasePath(path: string): string {
  if (!/^[\w.~\-/]*$/.test(path)) {
    throw new InvalidConfigError(
      `serve: ${JSON.stringify(path)} is not a URL path (use letters, digits, - _ . ~ and /).`,
    );
  }
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  if (hasDotSegment(trimmed)) {
    throw new InvalidConfigError(
      `serve: ${JSON.stringify(path)} has a "." or ".." segment; URLs resolve those, so no request could reach it.`,
    );
  }
  return trimmed === "" ? "" : `/${trimmed}`;
}

/** Whether a path has a `.` or `..` segment, which `new URL()` removes from every request path. */
export function hasDotSegment(path: string): boolean {
  return path.split("/").some((segment) => segment === "." || segment === "..");
}

/** The served Runnable and route name for a request path (after the server's prefix), or undefined. */
export function matchRoute(table: readonly ServedRunnable[], pathname: string): RouteMatch | undefined {
  for (const served of table) {
    if (!pathname.startsWith(`${served.basePath}/`)) continue;
    const route = pathname.slice(served.basePath.length + 1);
    // The playground is a page: `playground/` is its canonical URL, `playground` works too.
    if (route === "playground/") return { served, route: "playground" };
    if (route !== "" && !route.includes("/")) return { served, route };
  }
  return undefined;
}
