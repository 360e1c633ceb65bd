import {
  ChatPromptTemplate,
  HashedNgramEmbeddings,
  MemoryVectorStore,
  RunnablePassthrough,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import type { TourSection } from "../tour-context.js";

const TEMPLATE = `Answer the question based only on the following context:
{context}

Question: {question}
`;

/** Seed section "Non-streaming components": a retriever yields one chunk; the chain still streams after it. */
export const nonStreamingComponents: TourSection = {
  id: "retrieval",
  title: "Non-streaming components: a retriever in a streaming chain",
  async run({ model, out }) {
    out.code(
      'const vectorstore = await MemoryVectorStore.fromTexts(["harrison worked at kensho", "harrison likes spicy food"],\n' +
        "  [{}, {}], new HashedNgramEmbeddings());   // offline embeddings: no model download, no key\n" +
        "const retriever = vectorstore.asRetriever();",
    );
    const vectorstore = await MemoryVectorStore.fromTexts(
      ["harrison worked at kensho", "harrison likes spicy food"],
      [{}, {}],
      new HashedNgramEmbeddings(),
    );
    const retriever = vectorstore.asRetriever();
    out.step('retriever.stream("where did harrison work?") yields one chunk: the whole list');
    for await (const chunk of await retriever.stream("where did harrison work?")) out.value(chunk);

    out.step(
      "{ context: retriever, question: passthrough } | prompt | model | parser streams after the retriever",
    );
    const retrievalChain = RunnableSequence.from<string, string>([
      { context: retriever.withConfig({ runName: "Docs" }), question: new RunnablePassthrough() },
      ChatPromptTemplate.fromTemplate(TEMPLATE),
      model,
      new StringOutputParser(),
    ]);
    const question = "Where did harrison work? Write 3 made up sentences about this place.";
    for await (const chunk of await retrievalChain.stream(question)) out.token(chunk);
    out.line();
  },
};
