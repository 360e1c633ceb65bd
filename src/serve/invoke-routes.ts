import type { RunnableConfig } from "../config/runnable-config.js";
import { encodeWireValue } from "../wire/encode-wire-value.js";
import { decodeWireInput } from "./decode-wire-input.js";
import { errorResponse } from "./error-response.js";
import { RequestValidationError } from "./request-validation-error.js";
import { jsonResponse, type RouteContext, readBodyObject, requireField, runConfig } from "./route-context.js";
import { validateRunInputs } from "./validate-run-inputs.js";

/**
 * `POST invoke`: `{ input, config?, kwargs? }` in, `{ output, metadata: { run_id, feedback_tokens: [] } }`
 * out. A failed run answers the status of its error's code with the masked message and its run id.
 */
export async function invokeRoute(context: RouteContext): Promise<Response> {
  const body = await readBodyObject(context);
  const input = decodeWireInput(requireField(body, "input"), context.dialect, ["body", "input"]);
  await validateRunInputs(context.runnable, [{ input, loc: ["input"] }]);
  const runId = context.options.generateId();
  const config = await runConfig(context, body.config, ["body", "config"], {
    runId,
    signal: context.request.signal,
  });
  try {
    const output = await context.runnable.invoke(input, config);
    const metadata = { run_id: runId, feedback_tokens: [] };
    // Written inside the try: an output that cannot be written (a throwing toJSON) still gets its run id.
    return jsonResponse(
      context,
      200,
      { output: encodeWireValue(output, context.dialect), metadata },
      { "x-rivulet-run-id": runId },
    );
  } catch (error) {
    return errorResponse(context, error, { runId });
  }
}

/**
 * `POST batch`: `{ inputs: [...], config?: {...} | [{...} per input], kwargs? }` in,
 * `{ output: [...], metadata: { run_ids: [...] } }` out, one run (and run id) per input. A config
 * list of another length than `inputs` is a 422; a failed input fails the whole batch, as LangServe.
 */
export async function batchRoute(context: RouteContext): Promise<Response> {
  const body = await readBodyObject(context);
  const inputs = requireField(body, "inputs");
  if (!Array.isArray(inputs)) {
    throw new RequestValidationError([
      { loc: ["body", "inputs"], msg: "`inputs` must be a list.", type: "list_type" },
    ]);
  }
  if (inputs.length > context.options.maxBatchSize) {
    const limit = context.options.maxBatchSize;
    throw new RequestValidationError([
      {
        loc: ["body", "inputs"],
        msg: `This server runs at most ${limit} inputs per batch (its \`maxBatchSize\` option); got ${inputs.length}. Split the batch.`,
        type: "too_long",
      },
    ]);
  }
  const decoded = inputs.map((input, index) =>
    decodeWireInput(input, context.dialect, ["body", "inputs", index]),
  );
  await validateRunInputs(
    context.runnable,
    decoded.map((input, index) => ({ input, loc: ["inputs", index] })),
  );
  const runIds = inputs.map(() => context.options.generateId());
  const configs = await batchConfigs(context, body.config, runIds);
  try {
    const outputs = await context.runnable.batch(decoded, configs);
    return jsonResponse(context, 200, {
      output: outputs.map((output) => encodeWireValue(output, context.dialect)),
      metadata: { run_ids: runIds },
    });
  } catch (error) {
    return errorResponse(context, error, { runIds });
  }
}

async function batchConfigs(
  context: RouteContext,
  raw: unknown,
  runIds: string[],
): Promise<RunnableConfig[]> {
  const signal = context.request.signal;
  if (!Array.isArray(raw)) {
    return Promise.all(runIds.map((runId) => runConfig(context, raw, ["body", "config"], { runId, signal })));
  }
  if (raw.length !== runIds.length) {
    throw new RequestValidationError([
      {
        loc: ["body", "config"],
        msg: `A list of configs needs one per input: got ${raw.length} for ${runIds.length} inputs.`,
        type: "value_error",
      },
    ]);
  }
  return Promise.all(
    runIds.map((runId, index) =>
      runConfig(context, raw[index], ["body", "config", index], { runId, signal }),
    ),
  );
}
