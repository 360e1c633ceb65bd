// The Next.js recipe of docs/serving.md as a module: what `app/api/[...path]/route.ts` holds
// (only the chain's import differs). Next itself is not installed; next-route.test.ts calls the
// exported functions with Requests, as Next's App Router does.
import { serve } from "rivulet/serve";
import { jokeChain } from "./mount-fixtures.js";

const app = serve({ "/joke": jokeChain() }, { prefix: "/api" });

export const POST = (request: Request) => app.fetch(request);
export const GET = POST;
export const OPTIONS = POST;
