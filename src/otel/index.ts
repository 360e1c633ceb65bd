// rivulet/otel: OpenTelemetry spans for runs (docs/otel.md).
export {};
