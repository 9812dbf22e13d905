// Display formatting. Numbers are rounded only here, when shown.

const usd2 = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const usd6 = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `$1,234.57`; amounts under a cent keep up to six decimals so they do not show as $0.00. */
export function formatUsd(amount: number): string {
  return Math.abs(amount) > 0 && Math.abs(amount) < 0.01 ? usd6.format(amount) : usd2.format(amount);
}

/** A whole count; null (a request count the traffic does not give) prints as "unknown". */
export function formatCount(value: number | null): string {
  return value === null ? "unknown" : integer.format(value);
}

const quantity3 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** A billed quantity (GB, GB-seconds, requests): whole above 10, three significant digits below, so a
 * fraction of a GB that is billed is not shown as "0 GB". */
export function formatQuantity(value: number): string {
  return Math.abs(value) >= 10 ? integer.format(value) : quantity3.format(value);
}

/** `1 model unit`, `2 model units`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Rounds for JSON output: money to micro-dollars, so sums stay checkable. */
export function roundUsd(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** Four decimals for per-request amounts, where cents hide the difference. */
export function formatUsdPerRequest(amount: number): string {
  return `$${amount.toFixed(4)}`;
}

/** A unit price as written, without exponent notation (`0.0000002`, not `2e-7`). */
export function formatUnitPrice(amount: number): string {
  return `$${amount.toLocaleString("en-US", { maximumFractionDigits: 12, useGrouping: false })}`;
}

/** An assumption's value: counts from 1,000 up grouped, smaller values to four significant digits (`0.000004`). */
export function formatValue(value: number): string {
  if (Math.abs(value) >= 1000) return integer.format(value);
  if (value === 0) return "0";
  return Number(value.toPrecision(4)).toLocaleString("en-US", {
    maximumFractionDigits: 12,
    useGrouping: false,
  });
}
