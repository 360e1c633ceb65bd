// rivulet/agents: createAgent, a tool-calling loop whose every step is a run of its own (docs/agents.md).
export {};
