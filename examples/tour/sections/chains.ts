import { ChatPromptTemplate, StringOutputParser } from "rivulet";
import type { TourSection } from "../tour-context.js";

/** Seed section "Chains": prompt | model | parser still streams token by token. */
export const chains: TourSection = {
  id: "chain",
  title: "Chains: prompt | model | parser",
  async run({ model, out }) {
    out.code(
      'const prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");\n' +
        "const chain = prompt.pipe(model).pipe(new StringOutputParser());\n" +
        'for await (const chunk of await chain.stream({ topic: "parrot" })) print(chunk, "|")',
    );
    const prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
    const chain = prompt.pipe(model).pipe(new StringOutputParser());
    for await (const chunk of await chain.stream({ topic: "parrot" })) out.token(chunk);
    out.line();
    out.note("The prompt and the model aggregate their input; the parser passes each token on as it comes.");
  },
};
