// rivulet/ui: the AI SDK's UI message stream computed from Rivulet's events (docs/ui-message-stream.md).
export {};
