// Money that overflowed (a price of 1e305 $/Mtok times real traffic) is Infinity or NaN: rendered as "$∞",
// serialised as JSON null, while the report still says `complete: true`. A report must not be produced from
// it: the first non-finite number is found here and the runner turns it into an error naming the inputs.

export interface NonFiniteNumber {
  /** Where in the report data, as a field path (`options[0].models[2].cost_usd`). */
  path: string;
  /** The `model` named beside it, when the number belongs to a model's line. */
  model?: string;
}

/** The first number in `data` (depth first, in key order) that is not finite, or undefined. */
export function firstNonFiniteNumber(data: unknown, path = ""): NonFiniteNumber | undefined {
  if (typeof data === "number") return Number.isFinite(data) ? undefined : { path: path || "(top level)" };
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) {
      const found = firstNonFiniteNumber(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (data === null || typeof data !== "object") return undefined;
  for (const [key, value] of Object.entries(data)) {
    const found = firstNonFiniteNumber(value, path ? `${path}.${key}` : key);
    if (found) {
      const model = (data as { model?: unknown }).model;
      return found.model === undefined && typeof model === "string" ? { ...found, model } : found;
    }
  }
  return undefined;
}

/** One sentence for the error: what overflowed and which inputs' prices to check. */
export function describeNonFinite(found: NonFiniteNumber, priceInputs: readonly string[]): string {
  const where = found.model !== undefined ? ` (model "${found.model}")` : "";
  return `money overflows${where}: not a finite number of dollars; check the prices and unit prices in ${priceInputs.join(", ")} (a price too large for double-precision arithmetic)`;
}
