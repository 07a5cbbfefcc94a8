// A messy survey export, generated: what a 50,000-row CSV read as text gives a user. Every cell
// is a string; some are blank, "N/A", "-" or "NA"; some scores are off the scale (11, -1, 6.5)
// or words. The generator also returns the clean values it meant, so a test can compare the
// report of the messy rows with one computed from the clean values by brute force.
import { rng } from "./records.ts";

export interface MessyRow {
  readonly id: string;
  readonly region: string;
  readonly date: string;
  readonly ltr: string;
  readonly sat: string;
}

export interface CleanRow {
  readonly region: string | undefined;
  readonly date: string;
  /** The valid score, or why it is not one. */
  readonly ltr: number | "missing" | "invalid";
  readonly sat: number | "missing" | "invalid";
}

const REGIONS = ["EMEA", "APAC", "Americas", "LATAM"];
const MARKERS = ["", " ", "N/A", "NA", "-", "n/a"];

/** One score cell: mostly a valid score written as text, sometimes missing or invalid. */
function cell(random: () => number, min: number, max: number): [string, number | "missing" | "invalid"] {
  const r = random();
  if (r < 0.05) return [MARKERS[Math.floor(random() * MARKERS.length)]!, "missing"];
  if (r < 0.07) return [["11", "-1", "6.5", "ten", "99"][Math.floor(random() * 5)]!, "invalid"];
  const score = min + Math.floor(random() * (max - min + 1));
  return [random() < 0.1 ? ` ${score} ` : String(score), score];
}

/** `n` messy rows and the clean values they stand for, the same for a given seed. */
export function messySurvey(n: number, seed = 20261123): { rows: MessyRow[]; clean: CleanRow[] } {
  const random = rng(seed);
  const rows: MessyRow[] = [];
  const clean: CleanRow[] = [];
  for (let i = 0; i < n; i++) {
    const missingRegion = random() < 0.01;
    const region = REGIONS[Math.floor(random() * REGIONS.length)]!;
    const day = 1 + Math.floor(random() * 180);
    const date = new Date(Date.UTC(2025, 0, day, Math.floor(random() * 24), Math.floor(random() * 60)));
    // Half the dates carry a time with Z, some an offset, the rest are plain dates.
    const iso = date.toISOString();
    const text = i % 3 === 0 ? iso : i % 3 === 1 ? iso.slice(0, 10) : `${iso.slice(0, 16)}+00:00`;
    const [ltrText, ltr] = cell(random, 0, 10);
    const [satText, sat] = cell(random, 1, 5);
    rows.push({ id: String(i), region: missingRegion ? "" : region, date: text, ltr: ltrText, sat: satText });
    clean.push({ region: missingRegion ? undefined : region, date: text.slice(0, 10), ltr, sat });
  }
  return { rows, clean };
}
