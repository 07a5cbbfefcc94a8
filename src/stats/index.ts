export { normalCdf, normalQuantile } from "./normal.js";
