import { describe, expect, it } from "vitest";
import {
  AIMessage,
  FunctionMessage,
  FunctionMessageChunk,
  HumanMessage,
  isBaseMessageChunk,
  isFunctionMessage,
  isFunctionMessageChunk,
  messageFromJSON,
  RemoveMessage,
} from "./index.js";
import { chunkToMessage, messageToChunk } from "./message-to-chunk.js";

describe("FunctionMessage", () => {
  it("is a message of type function that names its function", () => {
    const message = new FunctionMessage({ content: '{"temperature":18}', name: "get_weather" });
    expect(message.type).toBe("function");
    expect(message.name).toBe("get_weather");
    expect(message.text).toBe('{"temperature":18}');
    expect(isFunctionMessage(message)).toBe(true);
    expect(isFunctionMessage(new HumanMessage("hi"))).toBe(false);
    expect(isFunctionMessageChunk(message)).toBe(false);
    expect(String(message)).toBe(`FunctionMessage(content='{"temperature":18}', name='get_weather')`);
  });

  it("has a chunk that concatenates content and keeps the first name", () => {
    const joined = new FunctionMessageChunk({ content: '{"t":', name: "f", id: "1" }).concat(
      new FunctionMessageChunk({ content: "18}", name: "g", id: "2" }),
    );
    expect(joined).toBeInstanceOf(FunctionMessageChunk);
    expect(joined.content).toBe('{"t":18}');
    expect(joined.name).toBe("f");
    expect(joined.id).toBe("1");
    expect(isFunctionMessageChunk(joined) && isFunctionMessage(joined) && isBaseMessageChunk(joined)).toBe(
      true,
    );
  });

  it("round-trips through JSON and through its chunk form", () => {
    const message = new FunctionMessage({ content: "done", name: "f", id: "m1" });
    const copy = messageFromJSON(JSON.parse(JSON.stringify(message)));
    expect(copy).toBeInstanceOf(FunctionMessage);
    expect(copy).toMatchObject({ content: "done", name: "f", id: "m1" });
    const chunk = messageToChunk(message);
    expect(chunk).toBeInstanceOf(FunctionMessageChunk);
    const back = chunkToMessage(chunk);
    expect(back).toBeInstanceOf(FunctionMessage);
    expect(isBaseMessageChunk(back)).toBe(false);
    expect(() => messageFromJSON({ type: "function", content: "x" })).toThrow(/needs a string `name`/);
  });
});

describe("RemoveMessage", () => {
  it("names the id to remove and has empty content", () => {
    const removal = new RemoveMessage({ id: "msg-3" });
    expect(removal.type).toBe("remove");
    expect(removal.id).toBe("msg-3");
    expect(removal.content).toEqual([]);
    expect(RemoveMessage.isInstance(removal)).toBe(true);
    expect(RemoveMessage.isInstance(new AIMessage({ content: "x", id: "msg-3" }))).toBe(false);
    expect(String(removal)).toBe("RemoveMessage(content=[], id='msg-3')");
  });

  it("rejects a missing id with a typed error and round-trips through JSON", () => {
    // @ts-expect-error: the id is required
    expect(() => new RemoveMessage({})).toThrow(/needs the `id`/);
    const copy = messageFromJSON(JSON.parse(JSON.stringify(new RemoveMessage({ id: "a" }))));
    expect(copy).toBeInstanceOf(RemoveMessage);
    expect(copy.id).toBe("a");
    expect(() => messageToChunk(new RemoveMessage({ id: "a" }))).toThrow(/no chunk form/);
  });
});
