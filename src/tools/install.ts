import { installFactories } from "../runnables/factories.js";
import { convertRunnableToTool } from "./convert-runnable-to-tool.js";

// Runnable.asTool builds a tool, one layer above the runnables: the tools install it.
installFactories({ asTool: convertRunnableToTool });
