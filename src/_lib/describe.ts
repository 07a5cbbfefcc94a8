// How error messages show the value they got. Internal.

/**
 * A value as an error message shows it: short (about 80 characters), and in the form it was
 * written: `[1, 10]`, `{ promoters: 0, … }`, `"Dec 17, 2025"`, `Invalid Date`.
 */
export function describe(value: unknown, room = 80): string {
  const text = show(value, room, 0);
  return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

function show(value: unknown, room: number, depth: number): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > room ? `${value.slice(0, room)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (typeof value !== "object" || value === null) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (depth > 1) return Array.isArray(value) || ArrayBuffer.isView(value) ? "[…]" : "{…}";
  const isList = Array.isArray(value) || ArrayBuffer.isView(value);
  const entries = isList
    ? Array.from(value as ArrayLike<unknown>, (v) => show(v, room, depth + 1))
    : Object.entries(value).map(([k, v]) => `${k}: ${show(v, room, depth + 1)}`);
  let body = "";
  for (let i = 0; i < entries.length; i++) {
    const next = body === "" ? entries[i]! : `${body}, ${entries[i]}`;
    if (next.length > room) {
      body = body === "" ? "…" : `${body}, …`;
      break;
    }
    body = next;
  }
  const prefix = ArrayBuffer.isView(value) ? `${value.constructor.name} ` : "";
  return isList ? `${prefix}[${body}]` : body === "" ? "{}" : `{ ${body} }`;
}
