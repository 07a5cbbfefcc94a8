export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
}
export function seeded(seed: number): () => number;
export function gamma(random: () => number, shape: number, rate: number): number;
export function beta(random: () => number, a: number, b: number): number;
export function simulateBgNbd(
  params: { r: number; alpha: number; a: number; b: number },
  ages: readonly number[],
  seed: number,
  resolution?: number,
): SimulatedCustomer[];
export function simulateParetoNbd(
  params: { r: number; alpha: number; s: number; beta: number },
  ages: readonly number[],
  seed: number,
  resolution?: number,
): SimulatedCustomer[];
