import {
  type BaseChatModel,
  ChatPromptTemplate,
  HashedNgramEmbeddings,
  JsonOutputParser,
  MemoryVectorStore,
  type Runnable,
  RunnablePassthrough,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { type CountriesSoFar, extractCountryNamesStreaming } from "../tour/sections/generators.js";

/** One of the tour's chains as a served route, with an input the offline model has an answer for. */
export interface TourRoute {
  /** The base path its routes hang under (`/joke` serves `/joke/invoke`, `/joke/playground/`...). */
  readonly path: string;
  /** What the chain shows, for the printed list. */
  readonly title: string;
  /** An input to try: the printed playground link opens with it filled in. */
  readonly example: unknown;
  readonly runnable: Runnable;
}

/** Short enough for a link; the offline model answers any prompt naming countries and JSON. */
const COUNTRIES_EXAMPLE = "List france, spain and japan with their populations as countries in JSON.";

const RETRIEVAL_TEMPLATE = `Answer the question based only on the following context:
{context}

Question: {question}
`;

/** The tour's retrieval chain: an in-memory vector store over offline embeddings, then the model. */
async function retrievalChain(model: BaseChatModel): Promise<Runnable> {
  const vectorstore = await MemoryVectorStore.fromTexts(
    ["harrison worked at kensho", "harrison likes spicy food"],
    [{}, {}],
    new HashedNgramEmbeddings(),
  );
  return RunnableSequence.from<string, string>([
    {
      context: vectorstore.asRetriever().withConfig({ runName: "Docs" }),
      question: new RunnablePassthrough(),
    },
    ChatPromptTemplate.fromTemplate(RETRIEVAL_TEMPLATE),
    model,
    new StringOutputParser(),
  ]);
}

/**
 * The streaming tour's chains, built on `model`, as routes for `serve()`: the chat model alone,
 * prompt | model | parser, streaming JSON, a generator over the JSON stream, and retrieval.
 */
export async function tourRoutes(model: BaseChatModel): Promise<TourRoute[]> {
  const joke = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
    .pipe(model)
    .pipe(new StringOutputParser());
  const countries = model.pipe(new JsonOutputParser<CountriesSoFar>());
  return [
    { path: "/chat", title: "the chat model", example: "What color is a polar bear?", runnable: model },
    { path: "/joke", title: "prompt | model | parser", example: { topic: "parrot" }, runnable: joke },
    {
      path: "/countries",
      title: "model | JSON parser (partial JSON live)",
      example: COUNTRIES_EXAMPLE,
      runnable: countries,
    },
    {
      path: "/country-names",
      title: "model | JSON parser | async generator",
      example: COUNTRIES_EXAMPLE,
      runnable: countries.pipe(extractCountryNamesStreaming),
    },
    {
      path: "/retrieval",
      title: "retriever + prompt | model | parser",
      example: "Where did harrison work? Write 3 made up sentences about this place.",
      runnable: await retrievalChain(model),
    },
  ];
}
