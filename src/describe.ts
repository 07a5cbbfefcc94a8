// How error messages show the value they got: short (about 80 characters) and in the form it
// was written: `[1, 10]`, `{ promoters: 0, … }`, `"Dec 17, 2025"`, `Invalid Date`. Internal.

/** One value, nested arrays and objects shown as `[…]` and `{…}`. */
function shallow(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "function") return "a function";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (typeof value === "object" && value !== null) return Array.isArray(value) || ArrayBuffer.isView(value) ? "[…]" : "{…}";
  return typeof value === "bigint" ? `${value}n` : String(value);
}

/** The value as an error message shows it, cut to about 80 characters. */
export function describe(value: unknown): string {
  let text = shallow(value);
  if (text === "[…]" || text === "{…}") {
    const list = text === "[…]";
    // At most 30 entries are looked at: an error about a long array shows its start.
    const entries = list
      ? Array.from(Array.prototype.slice.call(value, 0, 30), shallow)
      : Object.entries(value as object)
          .slice(0, 30)
          .map(([k, v]) => `${k}: ${shallow(v)}`);
    const body = entries.join(", ");
    const prefix = ArrayBuffer.isView(value) ? `${value.constructor.name} ` : "";
    text = list ? `${prefix}[${body}]` : body === "" ? "{}" : `{ ${body} }`;
  }
  return text.length > 80 ? `${text.slice(0, 78)}…${text.at(-1)}` : text;
}
