// `llmcost pricing audit`: compares the catalog with the two price sources it is built from, LiteLLM's price
// map and genai-prices' provider files, component by component, and says for each disagreement whether the
// catalog explains it (a recorded hand decision or rule). Pure: the sources arrive parsed.
import type { ModelPrice, TokenRates } from "./price.js";
import { priceAt } from "./price-history.js";

const AUDIT_COMPONENTS = ["input", "output", "cache_read", "cache_write_5m", "cache_write_1h"] as const;
type AuditComponent = (typeof AUDIT_COMPONENTS)[number];

const RATE_KEY: Record<AuditComponent, keyof TokenRates> = {
  input: "input",
  output: "output",
  cache_read: "cacheRead",
  cache_write_5m: "cacheWrite5m",
  cache_write_1h: "cacheWrite1h",
};
const LITELLM_FIELD: Record<AuditComponent, string> = {
  input: "input_cost_per_token",
  output: "output_cost_per_token",
  cache_read: "cache_read_input_token_cost",
  cache_write_5m: "cache_creation_input_token_cost",
  cache_write_1h: "cache_creation_input_token_cost_above_1hr",
};

export interface AuditFinding {
  key: string;
  source: "litellm" | "genai-prices";
  /** The source's entry id. */
  entry: string;
  /** The date compared (the source's snapshot date, or the start of a genai-prices price period). */
  date: string;
  component: AuditComponent;
  sourceValue: number | null;
  catalogValue: number | null;
  /** How the catalog explains it: "hand" or "rule" (with its source), or null when it does not. */
  explainedBy: string | null;
}

/** A genai-prices model as the audit needs it (src/io/genai-prices.ts reads it): its price periods. */
interface GenaiModel {
  periods: { from?: string; prices: Partial<Record<keyof TokenRates, { base: number }>> }[];
}

export interface AuditSources {
  litellm?: { entries: Record<string, unknown>; asOf: string };
  genai?: ReadonlyMap<string, GenaiModel>;
}

export function auditCatalog(models: readonly ModelPrice[], sources: AuditSources): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const price of models) {
    const lite = price.refs?.litellm !== undefined ? sources.litellm?.entries[price.refs.litellm] : undefined;
    if (sources.litellm && isRecord(lite) && price.refs?.litellm) {
      const at = priceAt(price, sources.litellm.asOf).rates;
      for (const component of AUDIT_COMPONENTS) {
        const raw = lite[LITELLM_FIELD[component]];
        const value = typeof raw === "number" ? Number((raw * 1e6).toPrecision(10)) : undefined;
        compare(findings, price, "litellm", price.refs.litellm, sources.litellm.asOf, component, value, at);
      }
    }
    const genaiId = price.refs?.genaiPrices?.[0];
    const model = genaiId !== undefined ? sources.genai?.get(genaiId) : undefined;
    if (model && genaiId !== undefined) {
      for (const period of model.periods) {
        const date = period.from ?? price.released ?? "0000-01-01";
        const at = priceAt(price, date).rates;
        for (const component of AUDIT_COMPONENTS) {
          const value = period.prices[RATE_KEY[component]]?.base;
          compare(findings, price, "genai-prices", genaiId, date, component, value, at);
        }
      }
    }
  }
  return findings;
}

function compare(
  findings: AuditFinding[],
  price: ModelPrice,
  source: AuditFinding["source"],
  entry: string,
  date: string,
  component: AuditComponent,
  sourceValue: number | undefined,
  rates: TokenRates,
): void {
  const catalogValue = rates[RATE_KEY[component]];
  // A source that does not list a component is silent, not in disagreement.
  if (sourceValue === undefined || sourceValue === catalogValue) return;
  // Embedding models produce no output tokens: a source's 0 output price agrees with the catalog's.
  if (component === "output" && sourceValue === 0 && price.kind === "embedding") return;
  const decision = price.decisions?.find((d) => d.component === component);
  findings.push({
    key: price.key,
    source,
    entry,
    date,
    component,
    sourceValue,
    catalogValue: catalogValue ?? null,
    explainedBy: decision ? `${decision.by}: ${decision.source}` : null,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
