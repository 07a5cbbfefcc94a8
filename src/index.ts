export * from "./errors.js";
export * from "./stats/index.js";
