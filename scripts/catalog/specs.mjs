// Which models the catalog lists, as specs for build-catalog.mjs: Anthropic and OpenAI from the hand-kept
// tables in facts.mjs, Bedrock's Claude and OpenAI models from the same tables, every other current Bedrock
// chat / embedding / rerank model found in either source by rule.
import { UNPRICED_MODES } from "../../dist/io/pricing-litellm.js";

const PREFIXES = ["global", "us", "eu", "apac", "au", "jp", "ca", "us-gov"];
const PROFILE_RE = /^(global|regional|us|eu|apac|au|jp|ca|us-gov)\.(.+)$/;

/** Bedrock models AWS lists as end-of-life (https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html): not current, not listed. */
const BEDROCK_EOL = [
  /^ai21\.j2-/,
  /^ai21\.jamba-instruct/,
  /^meta\.llama2-/,
  /^cohere\.command-(text|light-text)/,
  /^amazon\.titan-embed-g1-text-02/,
  /^mistral\.mistral-large-2402/,
  /^meta\.llama3-1-405b/,
];
/** Not priced per text token (video, image and speech models, rerank per query): left out, see docs/pricing.md. */
const NOT_TOKEN_PRICED = [/^twelvelabs\./, /^amazon\.titan-embed-image/, /sonic/, /rerank/];

export function anthropicSpecs({ facts, ANTHROPIC_BATCH }) {
  return facts.CLAUDE.map((row) => ({
    provider: "anthropic",
    model: row.anthropic.model,
    aliases: row.anthropic.aliases,
    family: row.family,
    line: row.line,
    released: row.released,
    retired: row.anthropic.retired,
    litellm: row.anthropic.litellm,
    genai: { provider: "anthropic", id: row.anthropic.genai },
    batch: ANTHROPIC_BATCH,
    longContext1hStacks: row.anthropic.longContext1hStacks,
    keepLongContext: row.anthropic.longContext1hStacks
      ? `${facts.ANTHROPIC_PRICING}#long-context-pricing (Sonnet 4 / 4.5 with the 1M context window: prompts over 200K tokens at $6 / $22.50)`
      : undefined,
  }));
}

export function openaiSpecs({ litellm, genai, facts }) {
  const batch = {
    multiplier: 0.5,
    source: `${facts.OPENAI_PRICING} (Batch API: 50% off input and output)`,
  };
  const chat = [...facts.OPENAI, ...facts.OPENAI_MORE].map((row) => {
    const liteKey = row.litellm === null ? undefined : (row.litellm ?? row.model);
    const genaiId = row.genai === null ? undefined : (row.genai ?? row.model);
    return {
      provider: "openai",
      model: row.model,
      aliases: row.aliases,
      family: row.model,
      line: row.line,
      released: row.released,
      retired: row.retired,
      lifecycleNote: row.lifecycleNote,
      litellm: liteKey && litellm[liteKey] ? liteKey : undefined,
      genai: genaiId && genai.openai.has(genaiId) ? { provider: "openai", id: genaiId } : undefined,
      batch,
    };
  });
  const embeddings = ["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"].map(
    (model) => ({
      provider: "openai",
      model,
      aliases: [],
      family: model,
      kind: "embedding",
      litellm: model,
      genai: genai.openai.has(model) ? { provider: "openai", id: model } : undefined,
    }),
  );
  return [...chat, ...embeddings];
}

export function bedrockSpecs(context) {
  const { facts, BEDROCK_BATCH } = context;
  const claude = facts.CLAUDE.map((row) =>
    bedrockSpec(context, {
      model: row.bedrock.model,
      aliases: row.bedrock.aliases ?? [],
      family: row.family,
      line: row.line,
      released: {
        date: row.released.date,
        source: `${row.released.source} (available on Amazon Bedrock at launch)`,
      },
      retired: row.bedrock.retired,
      litellm: row.bedrock.litellm,
      genaiGlobal: row.bedrock.genaiGlobal,
      genaiRegional: row.bedrock.genaiRegional,
      batch: BEDROCK_BATCH,
      keepLongContext: ["claude-sonnet-4", "claude-sonnet-4.5"].includes(row.family)
        ? `${facts.BEDROCK_PRICING} (Claude Sonnet 4 / 4.5 long-context requests over 200K tokens: $6 / $22.50 per 1M, LiteLLM agrees; genai-prices lists no tier)`
        : undefined,
    }),
  );
  const openai = facts.BEDROCK_OPENAI.map((row) => {
    const direct = facts.OPENAI.find((o) => o.model === row.family);
    return bedrockSpec(context, {
      model: row.model,
      aliases: [],
      family: row.family,
      line: row.line,
      released: direct
        ? {
            date: direct.released.date,
            source: `${direct.released.source} (OpenAI release; Bedrock date not published)`,
          }
        : undefined,
      litellm: context.litellm[row.model] ? row.model : undefined,
      genaiRegional: row.model,
    });
  });
  const known = new Set([
    ...facts.CLAUDE.map((r) => normalise(r.bedrock.model)),
    ...facts.BEDROCK_OPENAI.map((r) => normalise(r.model)),
  ]);
  return [...claude, ...openai, ...otherBedrock(context, known), legacyClaude2(context)];
}

/** Claude 2.1: EOL on Bedrock, kept for its published provisioned-throughput prices only. */
function legacyClaude2({ facts }) {
  return {
    provider: "bedrock",
    model: "anthropic.claude-v2:1",
    aliases: [],
    family: "claude-2.1",
    litellm: "anthropic.claude-v2:1",
    profile_multipliers: { global: 1, geo: 1, in_region: 1 },
    profiles: ["in_region"],
    provisioned: facts.PROVISIONED["anthropic.claude-v2:1"],
    lifecycleNote: `legacy model (end-of-life on Bedrock, ${facts.BEDROCK_LIFECYCLE}; date not recorded in the sources), listed for its provisioned-throughput prices`,
  };
}

/** A Bedrock spec with profiles and multipliers from both sources. */
function bedrockSpec({ litellm, genai, facts }, row) {
  const global = row.genaiGlobal ? genai.aws.get(row.genaiGlobal) : undefined;
  const regional = row.genaiRegional ? genai.aws.get(row.genaiRegional) : undefined;
  const ids = [row.model, ...row.aliases, row.litellm].filter(Boolean);
  const profiles = new Set();
  for (const id of ids) {
    if (litellm[id]) profiles.add("in_region");
    for (const p of PREFIXES) if (litellm[`${p}.${id}`]) profiles.add(p);
  }
  if (global) profiles.add("global");
  for (const match of regional?.matches ?? []) {
    const m = PROFILE_RE.exec(match);
    if (m && m[1] !== "regional" && m[1] !== "global") profiles.add(m[1]);
    else if (!m && match.includes(".")) profiles.add("in_region");
  }
  const base = global ?? regional;
  let multipliers = { global: 1, geo: 1, in_region: 1 };
  let extraSource = `profiles: ${facts.BEDROCK_PROFILES_PAGE}, as listed by the sources' profile ids`;
  if (global && regional) {
    const ratio = Number(
      (regional.periods[0].prices.input.base / global.periods[0].prices.input.base).toFixed(4),
    );
    multipliers = { global: 1, geo: ratio, in_region: ratio };
    extraSource += `; geo / in-region x${ratio}: genai-prices "${row.genaiRegional}" over "${row.genaiGlobal}" (${facts.BEDROCK_PRICING}: regional endpoints +10% over global)`;
  }
  return {
    provider: "bedrock",
    model: row.model,
    aliases: row.aliases,
    family: row.family,
    line: row.line,
    kind: row.kind,
    released: row.released,
    retired: row.retired,
    lifecycleNote: row.lifecycleNote,
    litellm: row.litellm && litellm[row.litellm] ? row.litellm : undefined,
    genai: base ? { provider: "aws", id: base.id } : undefined,
    genaiAlso: global && regional ? [regional.id] : undefined,
    batch: row.batch,
    keepLongContext: row.keepLongContext,
    per1kQueries: row.per1kQueries,
    profiles: PROFILE_ORDER.filter((p) => profiles.has(p)),
    profile_multipliers: multipliers,
    provisioned: facts.PROVISIONED[row.model],
    extraSource,
  };
}
const PROFILE_ORDER = ["in_region", ...PREFIXES];

const normalise = (id) => id.replace(PROFILE_RE, "$2").replace(/(-v\d+)?(:\d+)?$/, "");

/** Every other Bedrock chat / embedding / rerank model in either source, one spec per model. */
function otherBedrock(context, known) {
  const { litellm, genai } = context;
  const groups = new Map();
  const add = (key, update) => {
    const group = groups.get(key) ?? {};
    Object.assign(group, update(group));
    groups.set(key, group);
  };
  for (const [key, entry] of Object.entries(litellm)) {
    if (!["bedrock", "bedrock_converse"].includes(entry.litellm_provider) || key.includes("/")) continue;
    if (!["chat", "embedding", "rerank"].includes(entry.mode)) continue;
    const plain = key.replace(PROFILE_RE, "$2");
    if (!/^[a-z0-9-]+\./.test(plain) || plain.startsWith("anthropic.") || plain.startsWith("openai."))
      continue;
    add(normalise(plain), (g) => ({ litellmKeys: [...(g.litellmKeys ?? []), key], mode: entry.mode }));
  }
  for (const id of genai.aws.keys()) {
    const plain = id.replace(PROFILE_RE, "$2");
    if (plain.startsWith("anthropic.") || plain.startsWith("openai.")) continue;
    add(normalise(plain), (g) => ({ genaiIds: [...(g.genaiIds ?? []), id] }));
  }
  const specs = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    if (
      known.has(key) ||
      BEDROCK_EOL.some((re) => re.test(key)) ||
      NOT_TOKEN_PRICED.some((re) => re.test(key))
    )
      continue;
    const plainLite = group.litellmKeys?.find(
      (k) =>
        !PROFILE_RE.test(k) || k.startsWith("amazon.") || !/^(global|us|eu|apac|au|jp|ca|us-gov)\./.test(k),
    );
    const liteKey = plainLite ?? group.litellmKeys?.[0];
    const entry = liteKey ? litellm[liteKey] : undefined;
    const genaiPlain = group.genaiIds?.find((id) => !PROFILE_RE.test(id));
    const genaiGlobal = group.genaiIds?.find((id) => id.startsWith("global."));
    const genaiRegional = group.genaiIds?.find((id) => id.startsWith("regional.")) ?? genaiPlain;
    const model = (genaiPlain ?? genaiRegional ?? genaiGlobal ?? liteKey).replace(PROFILE_RE, "$2");
    const kind = group.mode === "embedding" ? "embedding" : group.mode === "rerank" ? "rerank" : "chat";
    const gm = genaiRegional
      ? genai.aws.get(genaiRegional)
      : genaiGlobal
        ? genai.aws.get(genaiGlobal)
        : undefined;
    const gAudioOnly = gm && !gm.periods[0]?.prices.input;
    if (kind === "rerank" && !(typeof entry?.input_cost_per_query === "number")) continue;
    if (kind !== "rerank" && !gm && !(entry?.input_cost_per_token > 0)) continue;
    if (gAudioOnly && !(entry?.input_cost_per_token > 0)) continue;
    if (kind === "chat" && !gm && !(entry?.output_cost_per_token > 0)) continue;
    const aliases = [
      ...new Set(
        [...(group.litellmKeys ?? []), ...(group.genaiIds ?? [])].map((k) => k.replace(PROFILE_RE, "$2")),
      ),
    ].filter((id) => id !== model);
    specs.push(
      bedrockSpec(context, {
        model,
        aliases,
        family: key.replace(/^[a-z0-9-]+\./, ""),
        kind,
        litellm: liteKey,
        genaiGlobal,
        genaiRegional: genaiRegional ?? undefined,
        per1kQueries:
          kind === "rerank" ? Number((entry.input_cost_per_query * 1000).toPrecision(10)) : undefined,
      }),
    );
  }
  return specs;
}

/** Bedrock models left out of the priced catalog by NOT_TOKEN_PRICED, whatever LiteLLM's mode says. */
const NOT_TOKEN_PRICED_KIND = [
  [/^twelvelabs\.pegasus/, "video", "per second of input video, plus output tokens"],
  [/^twelvelabs\.marengo/, "video", "per second of video or audio, per image, or per text token"],
  [/sonic/, "audio", "per speech (audio) token in and out"],
  [/^amazon\.titan-embed-image/, "image", "per image (text input per token)"],
];

/**
 * Known models that llmcost does not price per token (image, audio, video, per-query rerank), per catalog
 * file: OpenAI's and Bedrock's from LiteLLM's modes, Bedrock's speech models from genai-prices. Traffic on them
 * is reported as unpriced with the kind's reason. Size-prefixed LiteLLM keys (`1024-x-1024/dall-e-3`) are
 * price variants of one model, not ids: left out.
 */
export function unpricedSpecs({ litellm, genai }) {
  const LITELLM = "LiteLLM model_prices_and_context_window.json (BerriAI/litellm, snapshot 2026-08-01)";
  const files = { "openai.yaml": new Map(), "bedrock.yaml": new Map() };
  const add = (file, model, alias, kind, pricedPer, source) => {
    const group = files[file];
    const found = group.get(model);
    if (found) {
      if (alias && alias !== model && !found.aliases.includes(alias)) found.aliases.push(alias);
      return;
    }
    group.set(model, {
      provider: file === "openai.yaml" ? "openai" : "bedrock",
      model,
      aliases: [],
      kind,
      priced_per: pricedPer,
      source,
    });
  };
  for (const [key, entry] of Object.entries(litellm)) {
    if (key.includes("/")) continue;
    const provider = entry.litellm_provider;
    const plain = key.replace(PROFILE_RE, "$2");
    const rule = NOT_TOKEN_PRICED_KIND.find(([re]) => re.test(plain));
    const mode = UNPRICED_MODES[entry.mode];
    if (provider === "openai" && mode) {
      add("openai.yaml", key, undefined, mode[0], mode[1], `${LITELLM} "${key}" (mode ${entry.mode})`);
    } else if (["bedrock", "bedrock_converse"].includes(provider) && (rule || mode)) {
      const [kind, per] = rule ? rule.slice(1) : mode;
      const perQuery =
        kind === "rerank" && typeof entry.input_cost_per_query === "number"
          ? `per query ($${Number((entry.input_cost_per_query * 1000).toPrecision(10))} per 1,000 queries)`
          : per;
      add("bedrock.yaml", plain, key, kind, perQuery, `${LITELLM} "${key}" (mode ${entry.mode})`);
    }
  }
  for (const id of genai.aws.keys()) {
    const plain = id.replace(PROFILE_RE, "$2");
    const rule = NOT_TOKEN_PRICED_KIND.find(([re]) => re.test(plain));
    if (rule)
      add(
        "bedrock.yaml",
        plain,
        id,
        rule[1],
        rule[2],
        `pydantic/genai-prices (commit 47df840) aws.yml "${id}" (audio token prices only)`,
      );
  }
  const sorted = (map) =>
    [...map.values()]
      .sort((a, b) => a.model.localeCompare(b.model))
      .map((m) => ({
        ...m,
        aliases: m.aliases.length ? m.aliases.sort() : undefined,
      }));
  return { "openai.yaml": sorted(files["openai.yaml"]), "bedrock.yaml": sorted(files["bedrock.yaml"]) };
}
