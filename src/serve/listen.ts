import type { Server } from "node:http";
import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { ServeApp } from "./serve.js";
import { toNodeListener } from "./to-node-listener.js";

/** Where {@link listen} listens. */
export interface ListenOptions {
  /** TCP port (default 0: any free port, read it from `url`). */
  port?: number | undefined;
  /** Interface to bind (default `"127.0.0.1"`, loopback only; `"0.0.0.0"` for every interface). */
  host?: string | undefined;
}

/** A running server: its base URL and how to stop it. */
export interface ListeningServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  /** The underlying Node server. */
  readonly server: Server;
  /** Stops accepting connections, closes open ones (streams included) and resolves when done. */
  close(): Promise<void>;
}

/**
 * Starts `app` on Node's `http` (loaded only when called, so the handler itself stays free of
 * Node modules for other runtimes) and resolves once it listens.
 *
 * @example
 * const { url, close } = await listen(serve({ "/joke": chain }), { port: 8000 });
 * console.log(`${url}/joke/invoke`);
 */
export async function listen(app: ServeApp, options: ListenOptions = {}): Promise<ListeningServer> {
  const port = checkNumberOption("port", options.port, "non-negative-integer") ?? 0;
  if (port > 65_535) throw new InvalidConfigError(`listen: \`port\` must be at most 65535, got ${port}.`);
  const host = options.host ?? "127.0.0.1";
  const { createServer } = await import("node:http");
  const server = createServer(toNodeListener((request) => app.fetch(request)));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address !== null ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${boundPort}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
