// Models a run priced that are retired at the run's as-of date: one warning line each (an error with --strict).
import type { PricingCatalog } from "../cost/catalog.js";
import { isRetired, predatesFirstPrice } from "../cost/price-history.js";

/** Models priced at a date before their release: their first known price is used, and the report says so. */
export function earlyPricedAssumption(catalog: PricingCatalog, asOf: string): string[] {
  const early = [...catalog.resolvedModels].filter((price) => predatesFirstPrice(price, asOf));
  if (early.length === 0) return [];
  const list = early
    .map((p) => `${p.key} (released ${p.released})`)
    .sort()
    .join(", ");
  return [`Prices as of ${asOf} predate the release of ${list}; their first known price is used.`];
}

export function retiredModels(catalog: PricingCatalog, asOf: string): string[] {
  return [...catalog.resolvedModels]
    .filter((price) => isRetired(price, asOf))
    .map(
      (price) => `${price.key} is retired since ${price.retired} (prices as of ${asOf}); requests to it fail`,
    )
    .sort();
}
