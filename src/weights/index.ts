export type { Margins, RakeOptions, RakeResult } from "./rake.ts";
export { rake } from "./rake.ts";
