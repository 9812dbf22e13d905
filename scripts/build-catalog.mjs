#!/usr/bin/env node
// Builds the bundled pricing catalog (catalog/*.yaml) from LiteLLM's model_prices_and_context_window.json
// plus the hand-kept facts LiteLLM lacks (family, latest, batch, Bedrock profile multipliers, provisioned
// throughput), each with its source and as-of date. Run by hand; the generated YAML is committed.
//
//   node scripts/build-catalog.mjs [path/to/model_prices_and_context_window.json]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LITELLM_FILE = process.argv[2] ?? "/work/shared/data/litellm-model-prices-2026-08.json";
const LITELLM_AS_OF = "2026-08-01";
const LITELLM = "LiteLLM model_prices_and_context_window.json (BerriAI/litellm, snapshot 2026-08-01)";
/** Date of the hand-kept figures below: what the providers' public pages said when they were written down. */
const HAND_AS_OF = "2025-12-01";

const OPENAI_PAGE = "https://openai.com/api/pricing";
const ANTHROPIC_PAGE = "https://docs.anthropic.com/en/docs/about-claude/pricing";
const BEDROCK_PAGE = "https://aws.amazon.com/bedrock/pricing/";

const OPENAI_BATCH = {
  multiplier: 0.5,
  source: `${OPENAI_PAGE} (Batch API: 50% off input and output)`,
  as_of: HAND_AS_OF,
};
const ANTHROPIC_BATCH = {
  multiplier: 0.5,
  source: `${ANTHROPIC_PAGE} (Message Batches API: 50% off, prompt-caching prices stack with it)`,
  as_of: HAND_AS_OF,
};
const BEDROCK_BATCH = {
  multiplier: 0.5,
  source: `${BEDROCK_PAGE} (batch inference: 50% of on-demand for supported models)`,
  as_of: HAND_AS_OF,
};
const BEDROCK_BATCH_UNSURE = {
  ...BEDROCK_BATCH,
  source: `${BEDROCK_PAGE} (batch inference listed for this model family; 50% of on-demand assumed, unverified)`,
};

/** Geo and in-region endpoints cost 10% more than global cross-region inference for the newest Claude models. */
const PROFILE_NEWER_CLAUDE = { global: 1, geo: 1.1, in_region: 1.1 };
const PROFILE_FLAT = { global: 1, geo: 1, in_region: 1 };
const PROFILE_SOURCE_NEWER = `; profile multipliers: ${BEDROCK_PAGE} (Claude Sonnet 4.5, Haiku 4.5, Opus 4.5: geo and in-region endpoints +10% over global, LiteLLM's us./eu. rows agree)`;
const PROFILE_SOURCE_FLAT = `; profile multipliers 1.0: ${BEDROCK_PAGE} lists no regional premium for this model`;

const OPENAI = [
  ["gpt-4o", "gpt-4o", ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20"]],
  ["gpt-4o-mini", "gpt-4o-mini", ["gpt-4o-mini-2024-07-18"]],
  ["gpt-4.1", "gpt-4.1", ["gpt-4.1-2025-04-14"]],
  ["gpt-4.1-mini", "gpt-4.1-mini", ["gpt-4.1-mini-2025-04-14"]],
  ["gpt-5", "gpt-5", ["gpt-5-2025-08-07"], { latest: true }],
  ["gpt-5-mini", "gpt-5-mini", ["gpt-5-mini-2025-08-07"], { latest: true }],
  ["o3", "o3", ["o3-2025-04-16"]],
  ["o4-mini", "o4-mini", ["o4-mini-2025-04-16"]],
].map(([model, family, aliases, extra]) => ({
  provider: "openai",
  model,
  litellm: model,
  family,
  aliases,
  batch: OPENAI_BATCH,
  ...extra,
}));

/** [anthropic id, bedrock id, family, aliases, newest generation] */
const CLAUDE = [
  ["claude-3-haiku-20240307", "anthropic.claude-3-haiku-20240307-v1:0", "claude-haiku-3", [], false],
  [
    "claude-3-5-haiku-20241022",
    "anthropic.claude-3-5-haiku-20241022-v1:0",
    "claude-haiku-3.5",
    ["claude-3-5-haiku-latest"],
    false,
  ],
  [
    "claude-haiku-4-5-20251001",
    "anthropic.claude-haiku-4-5-20251001-v1:0",
    "claude-haiku-4.5",
    ["claude-haiku-4-5"],
    true,
  ],
  [
    "claude-3-7-sonnet-20250219",
    "anthropic.claude-3-7-sonnet-20250219-v1:0",
    "claude-sonnet-3.7",
    ["claude-3-7-sonnet-latest"],
    false,
  ],
  [
    "claude-sonnet-4-20250514",
    "anthropic.claude-sonnet-4-20250514-v1:0",
    "claude-sonnet-4",
    ["claude-sonnet-4-0", "claude-4-sonnet-20250514"],
    false,
  ],
  [
    "claude-sonnet-4-5-20250929",
    "anthropic.claude-sonnet-4-5-20250929-v1:0",
    "claude-sonnet-4.5",
    ["claude-sonnet-4-5"],
    true,
  ],
  [
    "claude-opus-4-20250514",
    "anthropic.claude-opus-4-20250514-v1:0",
    "claude-opus-4",
    ["claude-opus-4-0", "claude-4-opus-20250514"],
    false,
  ],
  [
    "claude-opus-4-1-20250805",
    "anthropic.claude-opus-4-1-20250805-v1:0",
    "claude-opus-4.1",
    ["claude-opus-4-1"],
    false,
  ],
  [
    "claude-opus-4-5-20251101",
    "anthropic.claude-opus-4-5-20251101-v1:0",
    "claude-opus-4.5",
    ["claude-opus-4-5"],
    true,
  ],
];
const NEWER_CLAUDE = new Set(["claude-haiku-4.5", "claude-sonnet-4.5", "claude-opus-4.5"]);

/** Facts LiteLLM lacks or gets wrong, per LiteLLM key. */
const MANUAL = {
  // Not in the snapshot (retired from the list); Anthropic's page: $0.80 in, $4 out, $1 / $1.60 cache writes, $0.08 hits.
  "claude-3-5-haiku-20241022": {
    rates: { input: 0.8, output: 4, cache_read: 0.08, cache_write_5m: 1, cache_write_1h: 1.6 },
    source: `${ANTHROPIC_PAGE} (not in the LiteLLM snapshot, hand-copied)`,
  },
  // LiteLLM lists $6/M for the 1-hour cache write of Haiku 3; Anthropic's page says $0.50 (2x input).
  "claude-3-haiku-20240307": {
    override: { cache_write_1h: 0.5 },
    source: `; cache_write_1h corrected to ${ANTHROPIC_PAGE} ($0.50, LiteLLM says $6)`,
  },
};

const ANTHROPIC = CLAUDE.map(([model, , family, aliases, latest]) => ({
  provider: "anthropic",
  model,
  litellm: model,
  family,
  aliases,
  ...(latest ? { latest: true } : {}),
  batch: ANTHROPIC_BATCH,
}));

const BEDROCK_CLAUDE = CLAUDE.map(([, model, family, , latest]) => ({
  provider: "bedrock",
  model,
  litellm: model,
  family,
  aliases: [],
  ...(latest ? { latest: true } : {}),
  batch: BEDROCK_BATCH,
  profile_multipliers: NEWER_CLAUDE.has(family) ? PROFILE_NEWER_CLAUDE : PROFILE_FLAT,
  extraSource: NEWER_CLAUDE.has(family) ? PROFILE_SOURCE_NEWER : PROFILE_SOURCE_FLAT,
}));

const nova = (size, cacheRead) => ({
  provider: "bedrock",
  model: `amazon.nova-${size}-v1:0`,
  litellm: `amazon.nova-${size}-v1:0`,
  family: `nova-${size}`,
  aliases: [],
  batch: BEDROCK_BATCH,
  override: { cache_read: cacheRead },
  extraSource: `; cache_read: ${BEDROCK_PAGE} (Nova prompt caching, cached reads 75% below input, unsure, verify)`,
});

const plainBedrock = (model, family, batch, extra = {}) => ({
  provider: "bedrock",
  model,
  litellm: model,
  family,
  aliases: [],
  ...(batch ? { batch } : {}),
  ...extra,
});

const BEDROCK_OTHERS = [
  nova("micro", 0.00875),
  nova("lite", 0.015),
  nova("pro", 0.2),
  plainBedrock("meta.llama3-1-8b-instruct-v1:0", "llama-3.1-8b", BEDROCK_BATCH_UNSURE),
  plainBedrock("meta.llama3-1-70b-instruct-v1:0", "llama-3.1-70b", BEDROCK_BATCH_UNSURE, {
    extraSource: `; AWS's page has listed $0.72 in and out since a price cut, LiteLLM still says $0.99 (unsure which is current)`,
  }),
  plainBedrock("meta.llama3-2-3b-instruct-v1:0", "llama-3.2-3b", undefined),
  plainBedrock("meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b", BEDROCK_BATCH_UNSURE),
  plainBedrock("mistral.mistral-large-2407-v1:0", "mistral-large-2407", undefined),
  plainBedrock("mistral.mistral-small-2402-v1:0", "mistral-small-2402", undefined),
  plainBedrock("mistral.mixtral-8x7b-instruct-v0:1", "mixtral-8x7b", undefined),
  plainBedrock("cohere.command-r-v1:0", "command-r", undefined),
  plainBedrock("cohere.command-r-plus-v1:0", "command-r-plus", undefined),
  plainBedrock("amazon.titan-text-express-v1", "titan-text-express", undefined, {
    extraSource: `; AWS's page has also shown $0.20 in / $0.60 out for Titan Text Express (unsure, LiteLLM's figures kept)`,
    provisioned: {
      per_unit_hour: { no_commitment: 20.5, one_month: 18.4, six_months: 14.8 },
      source: `${BEDROCK_PAGE} (Provisioned Throughput, us-east-1. 1-month $18.40 is AWS's worked example: 2 units x $18.40 x 744 h = $27,379.20. No-commitment and 6-month from the same table, verify)`,
      as_of: HAND_AS_OF,
    },
  }),
  plainBedrock("amazon.titan-text-lite-v1", "titan-text-lite", undefined, {
    provisioned: {
      per_unit_hour: { no_commitment: 7.1, one_month: 6.4, six_months: 5.1 },
      source: `${BEDROCK_PAGE} (Provisioned Throughput, us-east-1, figures as remembered from the page, unsure, verify)`,
      as_of: HAND_AS_OF,
    },
  }),
  plainBedrock("amazon.titan-text-premier-v1:0", "titan-text-premier", undefined),
  // Legacy Claude: the one Claude generation whose provisioned-throughput prices AWS published (LiteLLM per-second rows).
  plainBedrock("anthropic.claude-v2:1", "claude-2.1", undefined, {
    profile_multipliers: PROFILE_FLAT,
    provisionedFromLiteLlm: "anthropic.claude-v2:1",
    extraSource:
      "; legacy model (retired on Bedrock), listed for its published provisioned-throughput prices",
  }),
];

const CATALOG_FILES = {
  "openai.yaml": OPENAI,
  "anthropic.yaml": ANTHROPIC,
  "bedrock.yaml": [...BEDROCK_CLAUDE, ...BEDROCK_OTHERS],
};

const litellm = JSON.parse(readFileSync(LITELLM_FILE, "utf8"));

/** Per token to per million, without float noise. */
const perMillion = (value) => Number((value * 1e6).toPrecision(10));

function ratesFrom(entry, suffix = "") {
  const pick = (field) =>
    typeof entry[field + suffix] === "number" ? perMillion(entry[field + suffix]) : undefined;
  return clean({
    input: pick("input_cost_per_token"),
    output: pick("output_cost_per_token"),
    cache_read: pick("cache_read_input_token_cost"),
    cache_write_5m: pick("cache_creation_input_token_cost"),
    cache_write_1h: pick("cache_creation_input_token_cost_above_1hr"),
  });
}

function longContextFrom(entry) {
  const field = Object.keys(entry).find((key) => /^input_cost_per_token_above_\d+k_tokens$/.test(key));
  if (!field) return undefined;
  const thousands = Number(/_(\d+)k_/.exec(field)[1]);
  const tier = ratesFrom(entry, `_above_${thousands}k_tokens`);
  const base = ratesFrom(entry);
  // LiteLLM names the 1-hour write inside the tier `..._above_1hr_above_200k_tokens`.
  const write1h = entry[`cache_creation_input_token_cost_above_1hr_above_${thousands}k_tokens`];
  return clean({
    threshold_tokens: thousands * 1000,
    ...base,
    ...tier,
    cache_write_1h: typeof write1h === "number" ? perMillion(write1h) : base.cache_write_1h,
  });
}

function batchFrom(entry, fallback) {
  const batches = ratesFrom(entry, "_batches");
  if (batches.input === undefined) return fallback;
  const base = ratesFrom(entry);
  if (batches.input === base.input / 2 && batches.output === base.output / 2) {
    return { multiplier: 0.5, source: `${LITELLM} (_batches = 50% of on-demand)`, as_of: LITELLM_AS_OF };
  }
  return { ...batches, source: `${LITELLM} (_batches)`, as_of: LITELLM_AS_OF };
}

function modeFrom(entry, mode) {
  const rates = ratesFrom(entry, `_${mode}`);
  if (rates.input === undefined || rates.output === undefined) return undefined;
  return { ...rates, source: `${LITELLM} (_${mode})`, as_of: LITELLM_AS_OF };
}

function provisionedFromLiteLlm(model) {
  const hourly = (commitment) => {
    const row = litellm[`bedrock/us-east-1/${commitment}-commitment/${model}`];
    return row ? Math.round(row.input_cost_per_second * 3600 * 100) / 100 : undefined;
  };
  return {
    per_unit_hour: clean({ one_month: hourly("1-month"), six_months: hourly("6-month") }),
    source: `${LITELLM} (bedrock/us-east-1/*-month-commitment rows, per second x 3600, rounded to cents), cross-checked with ${BEDROCK_PAGE}`,
    as_of: LITELLM_AS_OF,
  };
}

function buildEntry(spec) {
  const manual = MANUAL[spec.litellm];
  const entry = litellm[spec.litellm];
  if (!entry && !manual?.rates) throw new Error(`${spec.litellm} is not in ${LITELLM_FILE}`);
  const rates = manual?.rates ?? ratesFrom(entry);
  const source = manual?.rates ? manual.source : `${LITELLM}${manual?.source ?? ""}${spec.extraSource ?? ""}`;
  const as_of = manual?.rates ? HAND_AS_OF : LITELLM_AS_OF;
  return clean({
    provider: spec.provider,
    model: spec.model,
    family: spec.family,
    aliases: spec.aliases.length ? spec.aliases : undefined,
    latest: spec.latest,
    ...rates,
    ...manual?.override,
    ...spec.override,
    long_context: entry ? longContextFrom(entry) : undefined,
    batch: entry ? batchFrom(entry, spec.batch) : spec.batch,
    flex: entry ? modeFrom(entry, "flex") : undefined,
    priority: entry ? modeFrom(entry, "priority") : undefined,
    profile_multipliers: spec.profile_multipliers,
    provisioned: spec.provisionedFromLiteLlm
      ? provisionedFromLiteLlm(spec.provisionedFromLiteLlm)
      : spec.provisioned,
    source,
    as_of,
  });
}

function clean(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

for (const [name, specs] of Object.entries(CATALOG_FILES)) {
  const header =
    "# Generated by scripts/build-catalog.mjs from LiteLLM's price map plus hand-kept facts; edit the script, not this file.\n" +
    "# Prices: US dollars per 1M tokens (provisioned: per model unit per hour). Format: docs/pricing.md\n" +
    "# yaml-language-server: $schema=../schemas/pricing.schema.json\n";
  const body = stringify(
    { version: 1, models: specs.map(buildEntry) },
    { lineWidth: 0, aliasDuplicateObjects: false },
  );
  writeFileSync(join(ROOT, "catalog", name), header + body);
  console.log(`catalog/${name}: ${specs.length} models`);
}
