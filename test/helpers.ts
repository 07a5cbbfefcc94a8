import { expect } from "vitest";

/** Assert |actual - expected| <= tol * max(|expected|, tiny): a relative-error check. */
export function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const err = Math.abs(actual - expected) / scale;
  if (!(err <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} relative of ${expected} (relative error ${err})`);
  }
}

/** Assert |actual - expected| <= tol. */
export function expectAbsolute(actual: number, expected: number, tol: number): void {
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected} (error ${Math.abs(actual - expected)})`);
  }
}

/**
 * A value made on first use, inside a test rather than while vitest collects the file. Mutation
 * testing counts library code run at collection as covered by every test in the run, so a fit or a
 * report made at the top of a file would make each of its mutants re-run the whole suite.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * Assert that `call` throws `kind` with this error code, argument and whole message: the contract
 * of docs/conventions.md ("<argument> must be <expected>; got <value>").
 */
export function expectError(
  call: () => unknown,
  kind: abstract new (...args: never[]) => Error,
  code: string,
  argument: string,
  message: string,
): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(kind);
  expect(thrown).toMatchObject({ code, argument });
  expect((thrown as Error).message).toBe(message);
}

/** What `call` throws, as `{ kind, code, argument, message }` to compare whole or in part (fails if it does not throw). */
export function thrown(call: () => unknown): { kind: string; code: unknown; argument: unknown; message: string } {
  try {
    call();
  } catch (error) {
    const e = error as Error & { code?: unknown; argument?: unknown };
    return { kind: e.constructor.name, code: e.code, argument: e.argument, message: e.message };
  }
  throw new Error("the call did not throw");
}
