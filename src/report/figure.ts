// A table cell that is a number: formatted for the terminal, markdown and html ("$1,234.57", "4,000",
// "25.0%"), raw for CSV (1234.57, 4000, 0.25), so a spreadsheet gets numbers it can sum.
import { formatCount, formatPercent, formatUsd, roundUsd } from "./numbers.js";

/** `raw` null is unknown: the text says so, the CSV cell is empty. */
export interface Figure {
  text: string;
  raw: number | null;
}

export type Cell = string | Figure;

/** Money in USD; null is unknown. CSV: rounded to micro-dollars, as JSON. */
export function usdCell(usd: number | null): Figure {
  return usd === null ? { text: "unknown", raw: null } : { text: formatUsd(usd), raw: roundUsd(usd) };
}

export function countCell(count: number): Figure {
  return { text: formatCount(count), raw: count };
}

/** A share of a whole: "25.0%" shown, 0.25 in CSV (to six decimals). */
export function shareCell(fraction: number): Figure {
  return { text: formatPercent(fraction), raw: Math.round(fraction * 1e6) / 1e6 };
}

/** A number shown with `text`, raw in CSV; null is an empty cell everywhere. */
export function numberCell(value: number | null, text: (value: number) => string): Figure {
  return value === null ? { text: "", raw: null } : { text: text(value), raw: value };
}

export function cellText(cell: Cell): string {
  return typeof cell === "string" ? cell : cell.text;
}

/** What CSV carries: the raw number, or "" when unknown. */
export function cellValue(cell: Cell): string | number {
  if (typeof cell === "string") return cell;
  return cell.raw ?? "";
}
