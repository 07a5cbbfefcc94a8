export { normalCdf, normalQuantile } from "./normal.js";
export { studentTCdf, studentTQuantile } from "./studentT.js";
