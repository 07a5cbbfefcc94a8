// NPS from responses clustered by account (B2B): the weighted NPS with the standard error of R
// survey's svymean on svydesign(ids = ~account, weights = ~w). Internal; npsSummary and
// compareNps take it through their `cluster` option.
import { assertRawForCluster, clusteredWeightedMean, countClustered } from "../_lib/count/clustered.ts";
import { cellRules } from "../_lib/read/cells.ts";
import type { ClusteredTally } from "../types.ts";
import {
  type NpsBands,
  type NpsScaleOptions,
  npsValue,
  resolveBands,
  type ValidNpsCounts,
  type WeightedNps,
  weightedNps,
} from "./counts.ts";

/** A clustered weighted NPS: the linearised SE with accounts as sampling units, and the design's effective n. */
export interface ClusteredNps extends WeightedNps {
  /** Clusters with a counted response. */
  readonly clusters: number;
  /** Clusters − 1. */
  readonly designDf: number;
}

/**
 * Raw scores with one cluster id each (and optionally one weight each): the group counts, and
 * the clustered NPS. `effectiveN` is the design's: the n whose simple-random-sample variance is
 * the clustered one (the weighted variance of one response ÷ SE²), so that the adjusted-Wald and
 * score intervals, which work on effective counts, account for the clusters too.
 */
export function clusteredNps(
  input: unknown,
  o: Partial<NpsScaleOptions> & { onInvalid?: unknown },
  argument: string,
  weights: unknown,
  cluster: unknown,
  clusterArgument: string,
  weightsArgument: string,
): { counts: ValidNpsCounts; nps: ClusteredNps } {
  const responses = assertRawForCluster(input, argument, clusterArgument);
  const bands = resolveBands(o);
  const rules = cellRules(o.missing, o.missingValues, "options", o.onInvalid);
  const tally = countClustered(responses, weights, cluster, [bands.min, bands.max], rules, argument, clusterArgument, weightsArgument);
  return clusteredNpsOf(tally, bands, clusterArgument);
}

/** A clustered tally's group counts and clustered NPS (see {@link clusteredNps}). */
export function clusteredNpsOf(
  tally: ClusteredTally,
  bands: NpsBands,
  clusterArgument: string,
): { counts: ValidNpsCounts; nps: ClusteredNps } {
  const value = (s: number) => npsValue(s, bands);
  const design = clusteredWeightedMean(tally, value, clusterArgument);
  const { shares } = weightedNps({ tally, bands });
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  tally.counts.forEach((c, k) => {
    const v = value(bands.min + k);
    if (v > 0) promoters += c;
    else if (v < 0) detractors += c;
    else passives += c;
  });
  return {
    counts: { promoters, passives, detractors, missing: tally.missing ?? 0, invalid: tally.invalid ?? 0, weighted: undefined },
    nps: { ...design, shares },
  };
}
