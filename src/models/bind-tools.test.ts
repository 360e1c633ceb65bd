// A custom chat model that knows nothing of providers: it reads the tools of its call options and
// answers with a tool call, so bindTools and withStructuredOutput come from the base class.
import {
  AIMessage,
  AIMessageChunk,
  BaseChatModel,
  type BaseMessage,
  type ChatResult,
  InvalidInputError,
  OutputParserError,
  tool,
} from "rivulet";
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** Calls the tool `tool_choice` names (else the first tool) with `{ city: "Lisbon", days: 3 }`. */
class ToolCallingModel extends BaseChatModel {
  seen: { tools: unknown; tool_choice: unknown }[] = [];

  _llmType() {
    return "tool-calling";
  }

  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    this.seen.push({ tools: options.tools, tool_choice: options.tool_choice });
    const tools = options.tools ?? [];
    const chosen = typeof options.tool_choice === "string" ? options.tool_choice : undefined;
    const name = chosen ?? (tools[0] !== undefined && "name" in tools[0] ? tools[0].name : undefined);
    if (name === undefined)
      return { generations: [{ text: "no tools", message: new AIMessage("no tools") }] };
    const message = new AIMessage({
      content: "",
      tool_calls: [
        { name, args: { city: messages.at(-1)?.text ?? "", days: 3 }, id: "call_1", type: "tool_call" },
      ],
    });
    return { generations: [{ text: "", message }] };
  }
}

/** Streams the tool call's arguments in fragments, as a real provider would. */
class StreamingToolModel extends BaseChatModel {
  _llmType() {
    return "streaming-tool";
  }

  override async *_streamChunks(_messages: BaseMessage[], options: this["ParsedCallOptions"]) {
    const name = String(options.tool_choice);
    for (const args of ['{"city":', ' "Lis', 'bon", "days"', ": 3}"]) {
      yield new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, id: "c1", name, args }] });
    }
  }
}

const Trip = z.object({ city: z.string(), days: z.number() });
const weather = tool(async ({ city }: { city: string }) => `sunny in ${city}`, {
  name: "weather",
  description: "Weather in a city",
  schema: z.object({ city: z.string() }),
});

describe("bindTools on the base class", () => {
  it("binds normalised tool definitions and the tool choice into the call options", async () => {
    const model = new ToolCallingModel();
    const answer = await model.bindTools([weather], { toolChoice: "weather" }).invoke("Paris");
    expect(answer.tool_calls).toEqual([
      { name: "weather", args: { city: "Paris", days: 3 }, id: "call_1", type: "tool_call" },
    ]);
    expect(model.seen[0]).toEqual({
      tools: [
        {
          name: "weather",
          description: "Weather in a city",
          parameters: expect.objectContaining({ type: "object", properties: { city: { type: "string" } } }),
        },
      ],
      tool_choice: "weather",
    });
    expect(await model.invoke("x")).toMatchObject({ content: "no tools" }); // the model itself is unchanged
  });

  it("rejects a tool without a name", () => {
    const nameless = JSON.parse('{"description": "d", "parameters": {}}');
    expect(() => new ToolCallingModel().bindTools([nameless])).toThrow(InvalidInputError);
  });
});

describe("withStructuredOutput on the base class (tool calling)", () => {
  it("forces one tool named after the schema and returns its validated arguments", async () => {
    const model = new ToolCallingModel();
    const trip = await model.withStructuredOutput(Trip, { name: "trip" }).invoke("Lisbon");
    expect(trip).toEqual({ city: "Lisbon", days: 3 });
    expect(model.seen[0]?.tool_choice).toBe("trip");
  });

  it("streams partial objects from fragmented arguments", async () => {
    const partials = await toArray(new StreamingToolModel().withStructuredOutput(Trip).stream("x"));
    expect(partials.at(-1)).toEqual({ city: "Lisbon", days: 3 });
    expect(partials).toContainEqual({ city: "Lis" });
  });

  it("with includeRaw gives the message and the value, or the parsing error", async () => {
    const model = new ToolCallingModel();
    const both = await model.withStructuredOutput(Trip, { includeRaw: true }).invoke("Rome");
    expect(both.parsed).toEqual({ city: "Rome", days: 3 });
    expect(both.raw.tool_calls?.[0]?.name).toBe("output");
    const strictDays = z.object({ city: z.string(), days: z.number().max(2) });
    const failed = await model.withStructuredOutput(strictDays, { includeRaw: true }).invoke("Rome");
    expect(failed.parsed).toBeNull();
    expect(OutputParserError.isInstance(failed.parsingError)).toBe(true);
  });

  it('"jsonSchema" needs native structured output: an InvalidInputError naming the other method', () => {
    expect(() => new ToolCallingModel().withStructuredOutput(Trip, { method: "jsonSchema" })).toThrow(
      /use withStructuredOutput\(schema, \{ method: "functionCalling" \}\)/,
    );
  });
});
