// Regressions from a hostile review of the Node adapter: each test failed before its fix.
import { createServer } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { RunnableGenerator, RunnableLambda } from "rivulet";
import { type HeartbeatScheduler, serve, toNodeListener } from "rivulet/serve";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe("toNodeListener: hostile cases", () => {
  it("a response that closed before the listener ran (the client left during a slow middleware) aborts at once", async () => {
    const recorder = new RunRecorder();
    let heartbeatsRunning = 0;
    const schedule: HeartbeatScheduler = (tick, intervalMs) => {
      heartbeatsRunning++;
      const timer = setInterval(tick, intervalMs);
      return () => {
        heartbeatsRunning--;
        clearInterval(timer);
      };
    };
    const endless = RunnableGenerator.from(async function* () {
      for (;;) {
        yield "x".repeat(1000);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    const app = serve(endless, {
      heartbeat: { intervalMs: 5, schedule },
      perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }),
    });
    const signals: AbortSignal[] = [];
    const listener = toNodeListener((request) => {
      signals.push(request.signal);
      return app.fetch(request);
    });
    let listened = false;
    const server = createServer((req, res) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        text += chunk;
      });
      req.on("end", () => {
        Object.assign(req, { body: JSON.parse(text) });
        // A slow middleware (an auth lookup): the client is gone before the listener runs.
        res.once("close", () =>
          setTimeout(() => {
            listener(req, res);
            listened = true;
          }, 10),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      const body = JSON.stringify({ input: 1 });
      socket.write(
        `POST /stream_events HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      socket.destroy();
      await until(() => listened);
      expect(signals[0]?.aborted).toBe(true);
      await until(() => recorder.openRuns().length === 0 && heartbeatsRunning === 0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a req.body a parser left without reading the stream (Express 4's {} for another content type) is not taken for the body", async () => {
    const app = serve(RunnableLambda.from((x: number) => x + 1));
    const listener = toNodeListener(app.fetch);
    const server = createServer((req, res) => {
      // express.json() in Express 4 sets req.body = {} first and skips a body of another type unread.
      Object.assign(req, { body: {} });
      listener(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const response = await fetch(`${url}/invoke`, { method: "POST", body: JSON.stringify({ input: 41 }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ output: 42 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a client that leaves while its chunked body is still arriving gets a 499 (cancelled), not a 500", async () => {
    const statuses: number[] = [];
    const app = serve(RunnableLambda.from((x: number) => x));
    const listener = toNodeListener(async (request) => {
      const response = await app.fetch(request);
      statuses.push(response.status);
      return response;
    });
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(
        'POST /invoke HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"inp\r\n',
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      socket.destroy();
      await until(() => statuses.length === 1);
      expect(statuses).toEqual([499]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("after a 413 it closes the connection instead of reading a body that never ends", async () => {
    const app = serve(
      RunnableLambda.from((x: number) => x),
      { maxBodyBytes: 1000 },
    );
    const server = createServer(toNodeListener(app.fetch));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      let answer = "";
      let closed = false;
      socket.on("data", (data: Buffer) => {
        answer += data.toString();
      });
      socket.on("close", () => {
        closed = true;
      });
      socket.on("error", () => undefined); // the server may reset the connection while we still write
      socket.write(
        "POST /invoke HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      );
      const chunk = `1f4\r\n${"x".repeat(500)}\r\n`;
      for (let sent = 0; sent < 200 && !closed; sent++) {
        socket.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
      expect(closed).toBe(true);
      socket.destroy();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
