// Reading the two price sources into one shape: per-million rates {input, output, cache_read,
// cache_write_5m, cache_write_1h} plus an optional long-context tier, per date.
export const LITELLM_AS_OF = "2026-08-01";
export const GENAI_AS_OF = "2026-08-21";
export const COMPONENTS = ["input", "output", "cache_read", "cache_write_5m", "cache_write_1h"];

const perMillion = (value) => Number((value * 1e6).toPrecision(10));

const LITELLM_FIELD = {
  input: "input_cost_per_token",
  output: "output_cost_per_token",
  cache_read: "cache_read_input_token_cost",
  cache_write_5m: "cache_creation_input_token_cost",
  cache_write_1h: "cache_creation_input_token_cost_above_1hr",
};

/** LiteLLM entry → rates (components it prices, > 0 or input/output), long context. */
export function litellmPrice(entry) {
  const rates = {};
  for (const [component, field] of Object.entries(LITELLM_FIELD)) {
    if (typeof entry[field] === "number") rates[component] = perMillion(entry[field]);
  }
  const tierField = Object.keys(entry).find((key) => /^input_cost_per_token_above_\d+k_tokens$/.test(key));
  let longContext;
  if (tierField) {
    const k = Number(/_(\d+)k_/.exec(tierField)[1]);
    longContext = { threshold_tokens: k * 1000 };
    for (const [component, field] of Object.entries(LITELLM_FIELD)) {
      const name =
        component === "cache_write_1h" ? `${field}_above_${k}k_tokens` : `${field}_above_${k}k_tokens`;
      if (typeof entry[name] === "number") longContext[component] = perMillion(entry[name]);
    }
  }
  return { rates, longContext };
}

const GENAI_FIELD = {
  input: "input",
  output: "output",
  cacheRead: "cache_read",
  cacheWrite5m: "cache_write_5m",
  cacheWrite1h: "cache_write_1h",
};

/** A genai-prices period → rates and long context (from `tiers`). */
export function genaiPrice(period) {
  const rates = {};
  let longContext;
  for (const [key, tier] of Object.entries(period.prices)) {
    const component = GENAI_FIELD[key];
    rates[component] = tier.base;
    if (tier.above) {
      longContext ??= { threshold_tokens: tier.above.start };
      longContext[component] = tier.above.price;
    }
  }
  return { rates, longContext };
}

export function genaiPeriodAt(model, date) {
  let chosen = model.periods.find((p) => p.from === undefined) ?? model.periods[0];
  for (const period of model.periods) if (period.from !== undefined && period.from <= date) chosen = period;
  return chosen;
}
