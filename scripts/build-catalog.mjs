#!/usr/bin/env node
// Builds the bundled pricing catalog (catalog/*.yaml) from two price sources, LiteLLM's
// model_prices_and_context_window.json and pydantic/genai-prices' provider YAML, plus the hand-kept facts in
// scripts/catalog/facts.mjs (lines, lifecycle, hand decisions), each with its source. Where the sources
// disagree, a hand decision wins, else the stated rule: genai-prices first (it reads Bedrock prices from the
// AWS Price List API and keeps price history). Every disagreement is written into the entry's `decisions`.
// Run by hand after `npm run build` (it reuses the compiled genai-prices reader); commit the YAML.
//
//   node scripts/build-catalog.mjs [litellm.json] [genai-prices providers dir]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { readGenaiPricesYaml } from "../dist/io/genai-prices.js";
import * as facts from "./catalog/facts.mjs";
import {
  COMPONENTS,
  GENAI_AS_OF,
  genaiPeriodAt,
  genaiPrice,
  LITELLM_AS_OF,
  litellmPrice,
} from "./catalog/sources.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LITELLM_FILE = process.argv[2] ?? "/work/shared/data/litellm-model-prices-2026-08.json";
const GENAI_DIR = process.argv[3] ?? "/work/shared/data/genai-prices-2026-08";
const LITELLM = `LiteLLM model_prices_and_context_window.json (BerriAI/litellm, snapshot ${LITELLM_AS_OF})`;
const GENAI = `pydantic/genai-prices (commit 47df840, ${GENAI_AS_OF})`;
const RULE =
  "rule: genai-prices first (provider pages / AWS Price List API, with price history), LiteLLM fills what it lacks";

const litellm = JSON.parse(readFileSync(LITELLM_FILE, "utf8"));
const genai = {};
for (const provider of ["anthropic", "aws", "openai"]) {
  const file = join(GENAI_DIR, `${provider}.yml`);
  genai[provider] = new Map(readGenaiPricesYaml(file, readFileSync(file, "utf8")).map((m) => [m.id, m]));
}
// Hand-kept batch rules carry no date of their own: a part's as-of is the entry's (see priceCheckedOn).
const batchHalf = (source) => ({ multiplier: 0.5, source });
const ANTHROPIC_BATCH = batchHalf(`${facts.ANTHROPIC_PRICING} (Message Batches API: 50% off)`);
const BEDROCK_BATCH = batchHalf(
  `${facts.BEDROCK_PRICING} (batch inference: 50% of on-demand for supported models)`,
);
const round = (value) => Number(value.toPrecision(10));

/**
 * One catalog entry from the sources. `spec`: provider, model, aliases, family, line, kind, litellm key,
 * genai {provider, id} (price = that id's periods; `scale` multiplies it), lifecycle, hand flags.
 */
function buildEntry(spec) {
  const key = `${spec.provider}/${spec.model}`;
  const lite = spec.litellm ? litellm[spec.litellm] : undefined;
  const gm = spec.genai ? genai[spec.genai.provider].get(spec.genai.id) : undefined;
  if (spec.litellm && !lite && !gm)
    throw new Error(`${key}: ${spec.litellm} not in LiteLLM and no genai-prices entry`);
  const hand = facts.HAND_DECISIONS[key] ?? {};
  const decisions = [];
  const litePrice = lite ? scalePrice(litellmPrice(lite), spec.litellmScale ?? 1) : undefined;
  const periods = gm
    ? gm.periods.map((p) => ({ from: p.from, ...scalePrice(genaiPrice(p), spec.genai.scale ?? 1) }))
    : [];
  if (periods.length === 0 && litePrice) periods.push({ from: undefined, ...litePrice });
  if (periods.length === 0) throw new Error(`${key}: no price in either source`);
  const atLite = gm
    ? genaiPeriodAt({ periods: periods.map((p) => ({ from: p.from })) }, LITELLM_AS_OF)
    : undefined;
  const liteIndex = atLite ? periods.findIndex((p) => p.from === atLite.from) : 0;
  const current = periods[liteIndex];
  // Compare the period in effect on LiteLLM's date with LiteLLM, component by component.
  for (const component of COMPONENTS) {
    const l = litePrice?.rates[component];
    const g = gm ? current.rates[component] : undefined;
    const decided = hand[component];
    if (decided) {
      const [chosen, source] = decided;
      if (chosen === "none") delete current.rates[component];
      else current.rates[component] = chosen;
      decisions.push(
        clean({ component, litellm: l ?? "none", genai_prices: g ?? "none", chosen, by: "hand", source }),
      );
      continue;
    }
    if (l !== undefined && g !== undefined && l !== g) {
      decisions.push({ component, litellm: l, genai_prices: g, chosen: g, by: "rule", source: RULE });
    }
    if (g === undefined && l !== undefined) {
      // LiteLLM fills a component genai-prices does not list; other periods keep its ratio to input.
      for (const period of periods)
        period.rates[component] = round((l * period.rates.input) / current.rates.input);
    }
  }
  resolveLongContext(spec, periods, liteIndex, litePrice, gm, decisions);
  const [first, ...later] = periods;
  const asOf = priceCheckedOn(spec, gm, first.from);
  const maxInput = lite?.max_input_tokens ?? gm?.contextWindow;
  if (lite?.max_input_tokens && gm?.contextWindow && lite.max_input_tokens !== gm.contextWindow) {
    decisions.push({
      component: "max_input_tokens",
      litellm: lite.max_input_tokens,
      genai_prices: gm.contextWindow,
      chosen: lite.max_input_tokens,
      by: "rule",
      source: "rule: LiteLLM's max_input_tokens (it tracks 1M-context options)",
    });
  }
  const sources = [
    gm
      ? `${GENAI} ${spec.genai.provider}.yml "${spec.genai.id}"${gm.pricesChecked ? ` (prices checked ${gm.pricesChecked})` : ""}`
      : undefined,
    lite ? `${LITELLM} "${spec.litellm}"` : undefined,
    spec.extraSource,
  ].filter(Boolean);
  const entry = clean({
    provider: spec.provider,
    model: spec.model,
    family: spec.family,
    aliases: spec.aliases?.length ? spec.aliases : undefined,
    kind: spec.kind && spec.kind !== "chat" ? spec.kind : undefined,
    line: spec.line,
    released: spec.released?.date,
    retired: spec.retired?.date,
    lifecycle_source: lifecycleSource(spec),
    max_input_tokens: maxInput,
    profiles: spec.profiles,
    ...(spec.kind === "embedding" ? { input: first.rates.input } : first.rates),
    long_context: first.longContext,
    price_changes: later.length
      ? later.map((p) =>
          clean({
            from: p.from,
            ...p.rates,
            long_context: p.longContext,
            source: `${GENAI} ${spec.genai.provider}.yml "${spec.genai.id}" (constraint start_date ${p.from})`,
          }),
        )
      : undefined,
    per_1k_queries: spec.per1kQueries,
    // LiteLLM's mode prices are those of its snapshot date; the entry's top-level prices are the first known.
    batch: dated(toFirstPeriod(batchOf(spec, lite), first, current), asOf),
    flex: dated(toFirstPeriod(modeOf(lite, "flex"), first, current), asOf),
    priority: dated(toFirstPeriod(modeOf(lite, "priority"), first, current), asOf),
    profile_multipliers: spec.profile_multipliers,
    provisioned: spec.provisioned ? { ...spec.provisioned, as_of: "2025-12-01" } : undefined,
    refs: clean({
      litellm: lite ? spec.litellm : undefined,
      genai_prices: gm ? [spec.genai.id, ...(spec.genaiAlso ?? [])] : undefined,
    }),
    decisions: decisions.length ? decisions : undefined,
    source: sources.join("; "),
    as_of: asOf,
  });
  return entry;
}

/**
 * When the entry's price was checked, from its source: genai-prices' `prices_checked`, else that
 * snapshot's date; the LiteLLM snapshot's date for prices from LiteLLM alone. A check date cannot precede the
 * model's release or the start of its first price (genai-prices reuses entries across snapshots), so such
 * a date falls back to the snapshot's.
 */
function priceCheckedOn(spec, gm, firstFrom) {
  if (!gm) return LITELLM_AS_OF;
  const checked = gm.pricesChecked;
  const floor = [spec.released?.date, firstFrom].filter(Boolean).sort().at(-1);
  return checked && (!floor || checked >= floor) ? checked : GENAI_AS_OF;
}

/** A batch / flex / priority part without its own date is as of the entry's price. */
function dated(part, asOf) {
  return part && part.as_of === undefined ? { ...part, as_of: asOf } : part;
}

/** Explicit mode prices read at LiteLLM's date, rescaled per component to the first period's prices. */
function toFirstPeriod(mode, first, current) {
  if (!mode || mode.multiplier !== undefined || first === current) return mode;
  const scaled = { ...mode };
  for (const c of COMPONENTS) {
    if (scaled[c] !== undefined && first.rates[c] !== undefined && current.rates[c]) {
      scaled[c] = round((scaled[c] * first.rates[c]) / current.rates[c]);
    }
  }
  return scaled;
}

function scalePrice(price, factor) {
  if (factor === 1) return price;
  const scale = (rates) =>
    Object.fromEntries(
      Object.entries(rates).map(([k, v]) => [k, k === "threshold_tokens" ? v : round(v * factor)]),
    );
  return { rates: scale(price.rates), longContext: price.longContext ? scale(price.longContext) : undefined };
}

/**
 * Long-context tier: genai-prices' tiers first; where it lists none and LiteLLM does, the rule takes
 * genai-prices (no surcharge) unless the spec keeps LiteLLM's tier by hand. A tier without a 1-hour cache
 * write gets base 1h write x (tier input / base input): cache multipliers stack on the long-context rate.
 */
function resolveLongContext(spec, periods, liteIndex, litePrice, gm, decisions) {
  const current = periods[liteIndex];
  const liteTier = litePrice?.longContext;
  const describe = (t) => (t ? `above ${t.threshold_tokens}: ${t.input}/${t.output}` : "none");
  if (gm && liteTier && !current.longContext) {
    if (spec.keepLongContext) {
      current.longContext = { ...liteTier };
      decisions.push({
        component: "long_context",
        litellm: describe(liteTier),
        genai_prices: "none",
        chosen: describe(liteTier),
        by: "hand",
        source: spec.keepLongContext,
      });
    } else {
      decisions.push({
        component: "long_context",
        litellm: describe(liteTier),
        genai_prices: "none",
        chosen: "none",
        by: "rule",
        source: RULE,
      });
    }
  } else if (!gm && liteTier) {
    current.longContext = { ...liteTier };
  } else if (gm && liteTier && current.longContext) {
    for (const c of ["input", "output"]) {
      if (liteTier[c] !== undefined && liteTier[c] !== current.longContext[c]) {
        decisions.push({
          component: `long_context.${c}`,
          litellm: liteTier[c],
          genai_prices: current.longContext[c],
          chosen: current.longContext[c],
          by: "rule",
          source: RULE,
        });
      }
    }
  }
  for (const period of periods) {
    const tier = period.longContext;
    if (!tier) continue;
    period.longContext = {
      threshold_tokens: tier.threshold_tokens,
      ...period.rates,
      ...withoutThreshold(tier),
    };
    const ratio = period.longContext.input / period.rates.input;
    for (const c of ["cache_read", "cache_write_5m", "cache_write_1h"]) {
      if (tier[c] === undefined && period.rates[c] !== undefined)
        period.longContext[c] = round(period.rates[c] * ratio);
    }
    if (
      spec.longContext1hStacks &&
      tier.cache_write_1h === undefined &&
      period.rates.cache_write_1h !== undefined
    ) {
      const lite1h = litePrice?.longContext?.cache_write_1h ?? period.rates.cache_write_1h;
      decisions.push({
        component: "long_context.cache_write_1h",
        litellm: lite1h,
        genai_prices: "none",
        chosen: period.longContext.cache_write_1h,
        by: "hand",
        source: `${facts.ANTHROPIC_CACHING} (cache multipliers stack on the long-context rate: 1h write = 2 x long-context input)`,
      });
    }
  }
}

const withoutThreshold = ({ threshold_tokens, ...rest }) => rest;

function lifecycleSource(spec) {
  const parts = [];
  if (spec.released) parts.push(`released ${spec.released.date}: ${spec.released.source}`);
  if (spec.retired) parts.push(`retired ${spec.retired.date}: ${spec.retired.source}`);
  if (spec.lifecycleNote) parts.push(spec.lifecycleNote);
  return parts.length ? parts.join("; ") : undefined;
}

function batchOf(spec, lite) {
  if (spec.kind === "embedding" || spec.kind === "rerank") return undefined;
  if (lite && typeof lite.input_cost_per_token_batches === "number") {
    const base = litellmPrice(lite).rates;
    const input = Number((lite.input_cost_per_token_batches * 1e6).toPrecision(10));
    const output = Number(
      ((lite.output_cost_per_token_batches ?? lite.output_cost_per_token / 2) * 1e6).toPrecision(10),
    );
    if (input === base.input / 2 && output === base.output / 2)
      return { multiplier: 0.5, source: `${LITELLM} (_batches = 50% of on-demand)`, as_of: LITELLM_AS_OF };
    return { input, output, source: `${LITELLM} (_batches)`, as_of: LITELLM_AS_OF };
  }
  return spec.batch;
}

function modeOf(lite, mode) {
  if (!lite || typeof lite[`input_cost_per_token_${mode}`] !== "number") return undefined;
  const pick = (field) =>
    typeof lite[`${field}_${mode}`] === "number"
      ? Number((lite[`${field}_${mode}`] * 1e6).toPrecision(10))
      : undefined;
  const input = pick("input_cost_per_token");
  const output = pick("output_cost_per_token") ?? Number((lite.output_cost_per_token * 1e6).toPrecision(10));
  return clean({
    input,
    output,
    cache_read: pick("cache_read_input_token_cost"),
    cache_write_5m: pick("cache_creation_input_token_cost"),
    source: `${LITELLM} (_${mode})`,
    as_of: LITELLM_AS_OF,
  });
}

function clean(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

import { anthropicSpecs, bedrockSpecs, openaiSpecs, unpricedSpecs } from "./catalog/specs.mjs";

const context = { litellm, genai, facts, ANTHROPIC_BATCH, BEDROCK_BATCH };
const UNPRICED = unpricedSpecs(context);
const CATALOG_FILES = {
  "anthropic.yaml": anthropicSpecs(context),
  "openai.yaml": openaiSpecs(context),
  "bedrock.yaml": bedrockSpecs(context),
};
for (const [name, specs] of Object.entries(CATALOG_FILES)) {
  const header =
    "# Generated by scripts/build-catalog.mjs from LiteLLM's price map and genai-prices plus hand-kept facts; edit the script, not this file.\n" +
    "# Prices: US dollars per 1M tokens (provisioned: per model unit per hour). Format: docs/pricing.md\n" +
    "# yaml-language-server: $schema=../schemas/pricing.schema.json\n";
  const unpriced = UNPRICED[name]?.map(clean);
  const body = stringify(
    { version: 1, ...(unpriced?.length ? { unpriced_models: unpriced } : {}), models: specs.map(buildEntry) },
    { lineWidth: 0, aliasDuplicateObjects: false },
  );
  writeFileSync(join(ROOT, "catalog", name), header + body);
  console.log(
    `catalog/${name}: ${specs.length} models, ${unpriced?.length ?? 0} known but not priced per token`,
  );
}
