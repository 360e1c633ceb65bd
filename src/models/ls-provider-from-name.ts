/**
 * The `ls_provider` a model reports when it does not declare one: its name without a leading
 * `Chat` (`ChatFooBar` gives `FooBar`, `FakeListChatModel` stays as it is), `@langchain/core`'s
 * derivation, so dashboards built on LangChain's runs group Rivulet's the same way.
 */
export function lsProviderFromName(name: string): string {
  return name.startsWith("Chat") ? name.slice("Chat".length) : name;
}
