// rivulet/otel: runs as OpenTelemetry spans with the GenAI semantic conventions (docs/otel.md).
export type { GenAIMessage } from "./gen-ai-messages.js";
export {
  CAPTURE_CONTENT_ENV,
  OpenTelemetryObserver,
  type OpenTelemetryOptions,
} from "./open-telemetry-observer.js";
export { registerOpenTelemetry } from "./register-open-telemetry.js";
