// rivulet/langchain: interop with @langchain/core, loaded only from here (docs/langchain-interop.md).
export {};
