export { escapeHtml } from "./escape-html.js";
export { type PlaygroundPageOptions, playgroundPage } from "./playground-page.js";
export { playgroundPolicy, playgroundRoute } from "./playground-route.js";
