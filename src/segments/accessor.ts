import { MetricsTypeError } from "../errors.ts";

/**
 * A field name of the record, or a function that reads a value from it (d3 style).
 *
 * @category Segments and trends
 */
export type Accessor<R, V = unknown> = string | ((record: R, index: number) => V);

/**
 * Turn a field name or function into a function; validate once.
 *
 * @category Segments and trends
 */
export function toGetter<R>(accessor: unknown, argument: string): (record: R, index: number) => unknown {
  if (typeof accessor === "function") return accessor as (record: R, index: number) => unknown;
  if (typeof accessor === "string") return (record: R) => (record as Record<string, unknown>)[accessor];
  throw new MetricsTypeError("INVALID_TYPE", argument, accessor, "a field name or an accessor function");
}
