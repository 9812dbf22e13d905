// Hand-kept facts for scripts/build-catalog.mjs, each with its source: which models of Anthropic and OpenAI
// (direct and on Bedrock) the catalog lists, their lines, release and retirement dates, and the price
// disagreements between LiteLLM and genai-prices decided by hand from the provider's or AWS's own page.
export const ANTHROPIC_PRICING = "https://platform.claude.com/docs/en/about-claude/pricing";
export const ANTHROPIC_DEPRECATIONS = "https://platform.claude.com/docs/en/about-claude/model-deprecations";
export const ANTHROPIC_CACHING =
  "https://platform.claude.com/docs/en/build-with-claude/prompt-caching#pricing";
export const OPENAI_PRICING = "https://openai.com/api/pricing";
export const OPENAI_DEPRECATIONS = "https://platform.openai.com/docs/deprecations";
export const BEDROCK_PRICING = "https://aws.amazon.com/bedrock/pricing/";
export const BEDROCK_LIFECYCLE = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html";
export const BEDROCK_CACHING = "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html";
export const BEDROCK_PROFILES_PAGE =
  "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html";

const release = (date, source) => ({ date, source });

/**
 * Claude models. `anthropic`: direct API entry; `bedrock`: Bedrock entry (AWS keeps its own schedule).
 * Ids are the ones the sources use; `litellm` / `genai` name the source entries.
 */
export const CLAUDE = [
  {
    family: "claude-haiku-3",
    line: "claude-haiku",
    released: release("2024-03-13", "https://www.anthropic.com/news/claude-3-haiku"),
    anthropic: {
      model: "claude-3-haiku-20240307",
      aliases: [],
      litellm: "claude-3-haiku-20240307",
      genai: "claude-3-haiku",
      retired: release("2026-04-20", `${ANTHROPIC_DEPRECATIONS} (Claude Haiku 3 retired 2026-04-20)`),
    },
    bedrock: {
      model: "anthropic.claude-3-haiku-20240307-v1:0",
      litellm: "anthropic.claude-3-haiku-20240307-v1:0",
      genaiRegional: "regional.anthropic.claude-3-haiku-20240307-v1:0",
      noCache: true,
    },
  },
  {
    family: "claude-haiku-3.5",
    line: "claude-haiku",
    released: release("2024-11-04", "https://www.anthropic.com/news/3-5-models-and-computer-use"),
    anthropic: {
      model: "claude-3-5-haiku-20241022",
      aliases: ["claude-3-5-haiku-latest"],
      genai: "claude-3-5-haiku-latest",
      retired: release("2026-02-19", `${ANTHROPIC_DEPRECATIONS} (Claude Haiku 3.5 retired 2026-02-19)`),
    },
    bedrock: {
      model: "anthropic.claude-3-5-haiku-20241022-v1:0",
      litellm: "anthropic.claude-3-5-haiku-20241022-v1:0",
      genaiRegional: "regional.anthropic.claude-3-5-haiku-20241022-v1:0",
    },
  },
  {
    family: "claude-sonnet-3.7",
    line: "claude-sonnet",
    released: release("2025-02-24", "https://www.anthropic.com/news/claude-3-7-sonnet"),
    anthropic: {
      model: "claude-3-7-sonnet-20250219",
      aliases: ["claude-3-7-sonnet-latest"],
      litellm: "claude-3-7-sonnet-20250219",
      genai: "claude-3-7-sonnet-latest",
      retired: release(
        "2026-02-19",
        `${ANTHROPIC_DEPRECATIONS} (Claude Sonnet 3.7 retired 2026-02-19; LiteLLM deprecation_date agrees)`,
      ),
    },
    bedrock: {
      model: "anthropic.claude-3-7-sonnet-20250219-v1:0",
      litellm: "anthropic.claude-3-7-sonnet-20250219-v1:0",
      genaiRegional: "regional.anthropic.claude-3-7-sonnet-20250219-v1:0",
      retired: release(
        "2026-04-28",
        `${BEDROCK_LIFECYCLE} (Claude 3.7 Sonnet EOL on Bedrock 2026-04-28, also https://www.bitslovers.com/bedrock-model-lifecycle)`,
      ),
    },
  },
  {
    family: "claude-sonnet-4",
    line: "claude-sonnet",
    released: release("2025-05-22", "https://www.anthropic.com/news/claude-4"),
    anthropic: {
      model: "claude-sonnet-4-20250514",
      aliases: ["claude-sonnet-4-0", "claude-4-sonnet-20250514"],
      litellm: "claude-sonnet-4-20250514",
      genai: "claude-sonnet-4-0",
      longContext1hStacks: true,
      retired: release(
        "2026-06-15",
        `${ANTHROPIC_DEPRECATIONS} (claude-sonnet-4-20250514 retired 2026-06-15, announced 2026-04-14; LiteLLM's deprecation_date 2026-05-14 is wrong)`,
      ),
    },
    bedrock: {
      model: "anthropic.claude-sonnet-4-20250514-v1:0",
      litellm: "anthropic.claude-sonnet-4-20250514-v1:0",
      genaiGlobal: "global.anthropic.claude-sonnet-4-20250514-v1:0",
      genaiRegional: "regional.anthropic.claude-sonnet-4-20250514-v1:0",
    },
  },
  {
    family: "claude-opus-4",
    line: "claude-opus",
    released: release("2025-05-22", "https://www.anthropic.com/news/claude-4"),
    anthropic: {
      model: "claude-opus-4-20250514",
      aliases: ["claude-opus-4-0", "claude-4-opus-20250514"],
      litellm: "claude-opus-4-20250514",
      genai: "claude-opus-4-0",
      retired: release(
        "2026-06-15",
        `${ANTHROPIC_DEPRECATIONS} (claude-opus-4-20250514 retired 2026-06-15, announced 2026-04-14; LiteLLM's deprecation_date 2026-05-14 is wrong)`,
      ),
    },
    bedrock: {
      model: "anthropic.claude-opus-4-20250514-v1:0",
      litellm: "anthropic.claude-opus-4-20250514-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-20250514-v1:0",
    },
  },
  {
    family: "claude-opus-4.1",
    line: "claude-opus",
    released: release("2025-08-05", "https://www.anthropic.com/news/claude-opus-4-1"),
    anthropic: {
      model: "claude-opus-4-1-20250805",
      aliases: ["claude-opus-4-1"],
      litellm: "claude-opus-4-1-20250805",
      genai: "claude-opus-4-1",
      retired: release(
        "2026-08-05",
        `${ANTHROPIC_DEPRECATIONS} (claude-opus-4-1-20250805 retires 2026-08-05; LiteLLM deprecation_date agrees)`,
      ),
    },
    bedrock: {
      model: "anthropic.claude-opus-4-1-20250805-v1:0",
      litellm: "anthropic.claude-opus-4-1-20250805-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-1-20250805-v1:0",
    },
  },
  {
    family: "claude-sonnet-4.5",
    line: "claude-sonnet",
    released: release("2025-09-29", "https://www.anthropic.com/news/claude-sonnet-4-5"),
    anthropic: {
      model: "claude-sonnet-4-5-20250929",
      aliases: ["claude-sonnet-4-5"],
      litellm: "claude-sonnet-4-5-20250929",
      genai: "claude-sonnet-4-5",
      longContext1hStacks: true,
    },
    bedrock: {
      model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
      litellm: "anthropic.claude-sonnet-4-5-20250929-v1:0",
      genaiGlobal: "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      genaiRegional: "regional.anthropic.claude-sonnet-4-5-20250929-v1:0",
    },
  },
  {
    family: "claude-haiku-4.5",
    line: "claude-haiku",
    released: release("2025-10-15", "https://www.anthropic.com/news/claude-haiku-4-5"),
    anthropic: {
      model: "claude-haiku-4-5-20251001",
      aliases: ["claude-haiku-4-5"],
      litellm: "claude-haiku-4-5-20251001",
      genai: "claude-haiku-4-5",
    },
    bedrock: {
      model: "anthropic.claude-haiku-4-5-20251001-v1:0",
      litellm: "anthropic.claude-haiku-4-5-20251001-v1:0",
      genaiGlobal: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      genaiRegional: "regional.anthropic.claude-haiku-4-5-20251001-v1:0",
    },
  },
  {
    family: "claude-opus-4.5",
    line: "claude-opus",
    released: release("2025-11-24", "https://www.anthropic.com/news/claude-opus-4-5"),
    anthropic: {
      model: "claude-opus-4-5-20251101",
      aliases: ["claude-opus-4-5"],
      litellm: "claude-opus-4-5-20251101",
      genai: "claude-opus-4-5",
    },
    bedrock: {
      model: "anthropic.claude-opus-4-5-20251101-v1:0",
      aliases: ["anthropic.claude-opus-4-5-v1:0"],
      litellm: "anthropic.claude-opus-4-5-20251101-v1:0",
      genaiGlobal: "global.anthropic.claude-opus-4-5-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-5-v1:0",
    },
  },
  {
    family: "claude-opus-4.6",
    line: "claude-opus",
    released: release(
      "2026-02-05",
      "snapshot date of LiteLLM's claude-opus-4-6-20260205 (https://www.anthropic.com/news/claude-opus-4-6)",
    ),
    anthropic: {
      model: "claude-opus-4-6",
      aliases: ["claude-opus-4-6-20260205"],
      litellm: "claude-opus-4-6",
      genai: "claude-opus-4-6",
    },
    bedrock: {
      model: "anthropic.claude-opus-4-6-v1",
      aliases: ["anthropic.claude-opus-4-6-v1:0"],
      litellm: "anthropic.claude-opus-4-6-v1",
      genaiGlobal: "global.anthropic.claude-opus-4-6-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-6-v1:0",
    },
  },
  {
    family: "claude-sonnet-4.6",
    line: "claude-sonnet",
    released: release("2026-02-17", "https://www.anthropic.com/news/claude-sonnet-4-6"),
    anthropic: {
      model: "claude-sonnet-4-6",
      aliases: [],
      litellm: "claude-sonnet-4-6",
      genai: "claude-sonnet-4-6",
    },
    bedrock: {
      model: "anthropic.claude-sonnet-4-6",
      aliases: ["anthropic.claude-sonnet-4-6-v1:0"],
      litellm: "anthropic.claude-sonnet-4-6",
      genaiGlobal: "global.anthropic.claude-sonnet-4-6-v1:0",
      genaiRegional: "regional.anthropic.claude-sonnet-4-6-v1:0",
    },
  },
  {
    family: "claude-opus-4.7",
    line: "claude-opus",
    released: release("2026-04-16", "snapshot date of LiteLLM's claude-opus-4-7-20260416"),
    anthropic: {
      model: "claude-opus-4-7",
      aliases: ["claude-opus-4-7-20260416"],
      litellm: "claude-opus-4-7",
      genai: "claude-opus-4-7",
    },
    bedrock: {
      model: "anthropic.claude-opus-4-7",
      aliases: ["anthropic.claude-opus-4-7-v1:0"],
      litellm: "anthropic.claude-opus-4-7",
      genaiGlobal: "global.anthropic.claude-opus-4-7-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-7-v1:0",
    },
  },
  {
    family: "claude-opus-4.8",
    line: "claude-opus",
    released: release(
      "2026-05-28",
      "https://www.vellumarc.com/blog/claude-4-8-vs-fable-5 (Opus 4.8 released May 28, 2026)",
    ),
    anthropic: {
      model: "claude-opus-4-8",
      aliases: [],
      litellm: "claude-opus-4-8",
      genai: "claude-opus-4-8",
    },
    bedrock: {
      model: "anthropic.claude-opus-4-8",
      aliases: ["anthropic.claude-opus-4-8-v1:0"],
      litellm: "anthropic.claude-opus-4-8",
      genaiGlobal: "global.anthropic.claude-opus-4-8-v1:0",
      genaiRegional: "regional.anthropic.claude-opus-4-8-v1:0",
    },
  },
  {
    family: "claude-fable-5",
    line: "claude-fable",
    released: release("2026-06-09", "https://fableguide.com/glossary/ (Fable 5 released 2026-06-09)"),
    anthropic: { model: "claude-fable-5", aliases: [], litellm: "claude-fable-5", genai: "claude-fable-5" },
    bedrock: {
      model: "anthropic.claude-fable-5",
      aliases: ["anthropic.claude-fable-5-v1:0"],
      litellm: "anthropic.claude-fable-5",
      genaiGlobal: "global.anthropic.claude-fable-5-v1:0",
      genaiRegional: "regional.anthropic.claude-fable-5-v1:0",
    },
  },
  {
    family: "claude-sonnet-5",
    line: "claude-sonnet",
    released: release(
      "2026-06-30",
      "https://platform.claude.com/docs/en/about-claude/models/whats-new-sonnet-5 (released 2026-06-30)",
    ),
    anthropic: {
      model: "claude-sonnet-5",
      aliases: [],
      litellm: "claude-sonnet-5",
      genai: "claude-sonnet-5",
    },
    bedrock: {
      model: "anthropic.claude-sonnet-5",
      aliases: ["anthropic.claude-sonnet-5-v1:0"],
      litellm: "anthropic.claude-sonnet-5",
      genaiGlobal: "global.anthropic.claude-sonnet-5-v1:0",
      genaiRegional: "regional.anthropic.claude-sonnet-5-v1:0",
    },
  },
  {
    family: "claude-opus-5",
    line: "claude-opus",
    // No release date found; both snapshots list it, so it was released by LiteLLM's 2026-08-01 snapshot.
    released: release(
      "2026-08-01",
      "release date not published in the sources; upper bound: listed in LiteLLM's 2026-08-01 snapshot",
    ),
    anthropic: { model: "claude-opus-5", aliases: [], litellm: "claude-opus-5", genai: "claude-opus-5" },
    bedrock: {
      model: "anthropic.claude-opus-5",
      aliases: [],
      litellm: "anthropic.claude-opus-5",
      genaiGlobal: "global.anthropic.claude-opus-5",
      genaiRegional: "regional.anthropic.claude-opus-5",
    },
  },
];

/** OpenAI models on the OpenAI API: [model, line, released (source), litellm, genai, aliases, lifecycle]. */
const snapshot = (date, key) => release(date, `snapshot date of the model id ${key} (LiteLLM)`);
export const OPENAI = [
  {
    model: "gpt-4o",
    line: "gpt",
    released: release("2024-05-13", "https://openai.com/index/hello-gpt-4o/"),
    aliases: ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20"],
  },
  {
    model: "gpt-4o-mini",
    line: "gpt-mini",
    released: snapshot("2024-07-18", "gpt-4o-mini-2024-07-18"),
    aliases: ["gpt-4o-mini-2024-07-18"],
  },
  {
    model: "gpt-4.1",
    line: "gpt",
    released: snapshot("2025-04-14", "gpt-4.1-2025-04-14"),
    aliases: ["gpt-4.1-2025-04-14"],
  },
  {
    model: "gpt-4.1-mini",
    line: "gpt-mini",
    released: snapshot("2025-04-14", "gpt-4.1-mini-2025-04-14"),
    aliases: ["gpt-4.1-mini-2025-04-14"],
  },
  {
    model: "gpt-4.1-nano",
    line: "gpt-nano",
    released: snapshot("2025-04-14", "gpt-4.1-nano-2025-04-14"),
    aliases: ["gpt-4.1-nano-2025-04-14"],
  },
  {
    model: "gpt-5",
    line: "gpt",
    released: snapshot("2025-08-07", "gpt-5-2025-08-07"),
    aliases: ["gpt-5-2025-08-07"],
  },
  {
    model: "gpt-5-mini",
    line: "gpt-mini",
    released: snapshot("2025-08-07", "gpt-5-mini-2025-08-07"),
    aliases: ["gpt-5-mini-2025-08-07"],
  },
  {
    model: "gpt-5-nano",
    line: "gpt-nano",
    released: snapshot("2025-08-07", "gpt-5-nano-2025-08-07"),
    aliases: ["gpt-5-nano-2025-08-07"],
  },
  {
    model: "gpt-5.1",
    line: "gpt",
    released: snapshot("2025-11-13", "gpt-5.1-2025-11-13"),
    aliases: ["gpt-5.1-2025-11-13"],
  },
  {
    model: "gpt-5.2",
    line: "gpt",
    released: snapshot("2025-12-11", "gpt-5.2-2025-12-11"),
    aliases: ["gpt-5.2-2025-12-11"],
  },
  {
    model: "gpt-5.4",
    line: "gpt",
    released: snapshot("2026-03-05", "gpt-5.4-2026-03-05"),
    aliases: ["gpt-5.4-2026-03-05"],
  },
  {
    model: "gpt-5.4-mini",
    line: "gpt-mini",
    released: snapshot("2026-03-17", "gpt-5.4-mini-2026-03-17"),
    aliases: ["gpt-5.4-mini-2026-03-17"],
  },
  {
    model: "gpt-5.4-nano",
    line: "gpt-nano",
    released: snapshot("2026-03-17", "gpt-5.4-nano-2026-03-17"),
    aliases: ["gpt-5.4-nano-2026-03-17"],
  },
  {
    model: "gpt-5.5",
    line: "gpt",
    released: snapshot("2026-04-23", "gpt-5.5-2026-04-23"),
    aliases: ["gpt-5.5-2026-04-23"],
  },
  {
    model: "gpt-5.6",
    line: "gpt",
    released: release(
      "2026-06-26",
      "https://tosea.ai/blog/gpt-5-6-sol-terra-luna-complete-guide (GPT-5.6 limited preview 2026-06-26)",
    ),
    aliases: [],
    genai: null,
  },
  {
    model: "gpt-5.6-sol",
    line: "gpt-sol",
    released: release("2026-06-26", "https://tosea.ai/blog/gpt-5-6-sol-terra-luna-complete-guide"),
    aliases: [],
  },
  {
    model: "gpt-5.6-terra",
    line: "gpt-terra",
    released: release("2026-06-26", "https://tosea.ai/blog/gpt-5-6-sol-terra-luna-complete-guide"),
    aliases: [],
  },
  {
    model: "gpt-5.6-luna",
    line: "gpt-luna",
    released: release("2026-06-26", "https://tosea.ai/blog/gpt-5-6-sol-terra-luna-complete-guide"),
    aliases: [],
  },
  { model: "o3", line: "o", released: snapshot("2025-04-16", "o3-2025-04-16"), aliases: ["o3-2025-04-16"] },
  {
    model: "o4-mini",
    line: "o-mini",
    released: snapshot("2025-04-16", "o4-mini-2025-04-16"),
    aliases: ["o4-mini-2025-04-16"],
    lifecycleNote:
      "retired from ChatGPT in February 2026 (http://kissapi.ai/blog/openai-model-deprecation-migration-guide-2026.html); no API shutdown date published on " +
      OPENAI_DEPRECATIONS +
      " in the sources, so none is modelled",
  },
];

/** OpenAI's shutdown notices (https://platform.openai.com/docs/deprecations, as mirrored with dates). */
const OPENAI_SHUTDOWN_2026_07_23 = release(
  "2026-07-23",
  `${OPENAI_DEPRECATIONS} (2026-04-22 notice: legacy snapshots shut down 2026-07-23; mirrored at https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/)`,
);
const OPENAI_SHUTDOWN_2026_08_10 = release(
  "2026-08-10",
  `${OPENAI_DEPRECATIONS} (2026-05-08 notice: gpt-5.2-chat-latest and gpt-5.3-chat-latest shut down 2026-08-10; https://spybara.com/openai/api/history/docs/en/2026-05-12-1857..2026-05-14-2100/)`,
);
const ENDOFLIFE_CHATGPT = "https://endoflife.date/chatgpt (from OpenAI's deprecations page)";

/**
 * More OpenAI chat models both snapshots list: older generations (gpt-4, gpt-4-turbo, o1, o3-mini), pro,
 * codex, deep-research, chat-latest and search variants. Retired ones are listed as retired (logs still name
 * them). `genai` / `litellm` name the source entry when its id differs from `model`; `null`: not in it.
 */
export const OPENAI_MORE = [
  {
    model: "gpt-4",
    aliases: ["gpt-4-0613"],
    released: release("2023-03-14", "https://openai.com/index/gpt-4-research/"),
    retired: release(
      "2026-10-23",
      `${OPENAI_DEPRECATIONS} (2026-04-22 notice: gpt-4-0613 | gpt-4 shut down 2026-10-23; https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/)`,
    ),
  },
  {
    model: "gpt-4-turbo",
    aliases: ["gpt-4-turbo-2024-04-09"],
    released: snapshot("2024-04-09", "gpt-4-turbo-2024-04-09"),
    lifecycleNote: `legacy; no shutdown date for gpt-4-turbo found in the sources (${OPENAI_DEPRECATIONS})`,
  },
  {
    model: "gpt-4.5-preview",
    aliases: [],
    litellm: null,
    released: release("2025-02-27", ENDOFLIFE_CHATGPT),
    retired: release("2025-07-14", `${ENDOFLIFE_CHATGPT} (GPT-4.5 Preview shut down 2025-07-14)`),
  },
  {
    model: "o1",
    line: "o",
    aliases: ["o1-2024-12-17"],
    released: snapshot("2024-12-17", "o1-2024-12-17"),
  },
  {
    model: "o1-mini",
    line: "o-mini",
    aliases: ["o1-mini-2024-09-12"],
    litellm: null,
    released: release("2024-09-12", ENDOFLIFE_CHATGPT),
    retired: release("2025-10-27", `${ENDOFLIFE_CHATGPT} (o1-mini shut down 2025-10-27)`),
  },
  {
    model: "o1-pro",
    line: "o-pro",
    aliases: ["o1-pro-2025-03-19"],
    released: snapshot("2025-03-19", "o1-pro-2025-03-19"),
  },
  {
    model: "o3-mini",
    line: "o-mini",
    aliases: ["o3-mini-2025-01-31"],
    released: snapshot("2025-01-31", "o3-mini-2025-01-31"),
  },
  {
    model: "o3-pro",
    line: "o-pro",
    aliases: ["o3-pro-2025-06-10"],
    released: snapshot("2025-06-10", "o3-pro-2025-06-10"),
  },
  {
    model: "o3-deep-research",
    aliases: ["o3-deep-research-2025-06-26"],
    released: snapshot("2025-06-26", "o3-deep-research-2025-06-26"),
    retired: OPENAI_SHUTDOWN_2026_07_23,
  },
  {
    model: "o4-mini-deep-research",
    aliases: ["o4-mini-deep-research-2025-06-26"],
    released: snapshot("2025-06-26", "o4-mini-deep-research-2025-06-26"),
    retired: OPENAI_SHUTDOWN_2026_07_23,
  },
  {
    model: "gpt-5-pro",
    line: "gpt-pro",
    aliases: ["gpt-5-pro-2025-10-06"],
    released: snapshot("2025-10-06", "gpt-5-pro-2025-10-06"),
  },
  {
    model: "gpt-5.2-pro",
    line: "gpt-pro",
    aliases: ["gpt-5.2-pro-2025-12-11"],
    released: snapshot("2025-12-11", "gpt-5.2-pro-2025-12-11"),
  },
  {
    model: "gpt-5.4-pro",
    line: "gpt-pro",
    aliases: ["gpt-5.4-pro-2026-03-05"],
    released: snapshot("2026-03-05", "gpt-5.4-pro-2026-03-05"),
  },
  {
    model: "gpt-5.5-pro",
    line: "gpt-pro",
    aliases: ["gpt-5.5-pro-2026-04-23"],
    released: snapshot("2026-04-23", "gpt-5.5-pro-2026-04-23"),
  },
  {
    model: "codex-mini-latest",
    aliases: ["codex-mini"],
    genai: "codex-mini",
    retired: release(
      "2026-01-16",
      `${OPENAI_DEPRECATIONS} (2025-11-17 notice: codex-mini-latest shut down 2026-01-16; https://archive.li/3RThE)`,
    ),
  },
  { model: "gpt-5-codex", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.1-codex", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.1-codex-max", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.1-codex-mini", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.2-codex", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.3-codex", aliases: [] },
  { model: "gpt-5-chat-latest", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.1-chat-latest", aliases: [], retired: OPENAI_SHUTDOWN_2026_07_23 },
  { model: "gpt-5.2-chat-latest", aliases: [], retired: OPENAI_SHUTDOWN_2026_08_10 },
  // genai-prices' "gpt-5.3" (GPT-5.3 Chat) matches gpt-5.3 and gpt-5.3-chat-latest.
  {
    model: "gpt-5.3-chat-latest",
    aliases: ["gpt-5.3"],
    genai: "gpt-5.3",
    retired: OPENAI_SHUTDOWN_2026_08_10,
  },
  {
    model: "gpt-4o-search-preview",
    aliases: ["gpt-4o-search-preview-2025-03-11"],
    retired: OPENAI_SHUTDOWN_2026_07_23,
  },
  {
    model: "gpt-4o-mini-search-preview",
    aliases: ["gpt-4o-mini-search-preview-2025-03-11"],
    retired: OPENAI_SHUTDOWN_2026_07_23,
  },
  { model: "gpt-5-search-api", aliases: ["gpt-5-search-api-2025-10-14"] },
  {
    model: "gpt-3.5-turbo",
    aliases: ["gpt-3.5-turbo-0125"],
    released: snapshot("2024-01-25", "gpt-3.5-turbo-0125"),
    retired: release(
      "2026-10-23",
      `${OPENAI_DEPRECATIONS} (2026-04-22 notice: gpt-3.5-turbo-0125 | gpt-3.5-turbo shut down 2026-10-23; https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/)`,
    ),
  },
  // Its own snapshot and price ($5 / $15), not gpt-4o (resolution never maps one date onto another).
  {
    model: "gpt-4o-2024-05-13",
    aliases: [],
    genai: null,
    released: snapshot("2024-05-13", "gpt-4o-2024-05-13"),
  },
  {
    model: "chatgpt-4o-latest",
    aliases: [],
    retired: release(
      "2026-02-17",
      `${OPENAI_DEPRECATIONS} (2025-11-18 notice: chatgpt-4o-latest shut down 2026-02-17; https://archive.li/3RThE)`,
    ),
  },
];

/** OpenAI models on Bedrock (the same models as on OpenAI's API, same family). */
export const BEDROCK_OPENAI = [
  { model: "openai.gpt-oss-120b-1:0", family: "gpt-oss-120b", line: "gpt-oss" },
  { model: "openai.gpt-oss-20b-1:0", family: "gpt-oss-20b", line: "gpt-oss-small" },
  { model: "openai.gpt-5.4", family: "gpt-5.4", line: "gpt" },
  { model: "openai.gpt-5.5", family: "gpt-5.5", line: "gpt" },
  { model: "openai.gpt-5.6-sol", family: "gpt-5.6-sol", line: "gpt-sol" },
  { model: "openai.gpt-5.6-terra", family: "gpt-5.6-terra", line: "gpt-terra" },
  { model: "openai.gpt-5.6-luna", family: "gpt-5.6-luna", line: "gpt-luna" },
];

/**
 * Price disagreements decided by hand, per catalog key and component: the value chosen and the page that
 * decides it. The build fails when a hand decision no longer matches what the sources say.
 */
export const HAND_DECISIONS = {
  "bedrock/amazon.titan-text-express-v1": {
    input: [
      0.2,
      `${BEDROCK_PRICING} (Titan Text Express $0.0002 / 1K input tokens = $0.20 / 1M; LiteLLM's $1.30 is an old price)`,
    ],
    output: [0.6, `${BEDROCK_PRICING} (Titan Text Express $0.0006 / 1K output tokens = $0.60 / 1M)`],
  },
  "bedrock/amazon.titan-text-lite-v1": {
    input: [
      0.15,
      `${BEDROCK_PRICING} (Titan Text Lite $0.00015 / 1K input tokens = $0.15 / 1M; LiteLLM says $0.30)`,
    ],
    output: [
      0.2,
      `${BEDROCK_PRICING} (Titan Text Lite $0.0002 / 1K output tokens = $0.20 / 1M; LiteLLM says $0.40)`,
    ],
  },
  "bedrock/meta.llama3-1-70b-instruct-v1:0": {
    input: [
      0.72,
      `${BEDROCK_PRICING} (Llama 3.1 70B $0.00072 / 1K tokens after AWS's price cut; genai-prices reads it from the AWS Price List API; LiteLLM still has $0.99)`,
    ],
    output: [0.72, `${BEDROCK_PRICING} (Llama 3.1 70B $0.00072 / 1K output tokens)`],
  },
  "bedrock/anthropic.claude-3-haiku-20240307-v1:0": {
    cache_read: [
      "none",
      `${BEDROCK_CACHING} (prompt caching on Bedrock is not supported for Claude 3 Haiku; LiteLLM lists cache prices)`,
    ],
    cache_write_5m: [
      "none",
      `${BEDROCK_CACHING} (prompt caching not supported for Claude 3 Haiku on Bedrock)`,
    ],
  },
  "anthropic/claude-3-haiku-20240307": {
    cache_write_1h: [
      0.5,
      `${ANTHROPIC_CACHING} (1-hour cache write = 2x base input = $0.50; LiteLLM says $6)`,
    ],
  },
};

/** Provisioned throughput per model unit per hour, us-east-1, from AWS's page. */
export const PROVISIONED = {
  "amazon.titan-text-express-v1": {
    per_unit_hour: { no_commitment: 20.5, one_month: 18.4, six_months: 14.8 },
    source: `${BEDROCK_PRICING} (Provisioned Throughput, us-east-1; 1 month $18.40 is AWS's worked example: 2 units x $18.40 x 744 h = $27,379.20)`,
  },
  "amazon.titan-text-lite-v1": {
    per_unit_hour: { no_commitment: 7.1, one_month: 6.4, six_months: 5.1 },
    source: `${BEDROCK_PRICING} (Provisioned Throughput, us-east-1)`,
  },
  "anthropic.claude-v2:1": {
    per_unit_hour: { one_month: 63, six_months: 35 },
    source: `${BEDROCK_PRICING} (Provisioned Throughput, Claude 2.1, us-east-1: $63.00 1-month, $35.00 6-month per model unit per hour; LiteLLM's per-second 6-month row x 3600 gives $34.99 because its per-second figure was rounded)`,
  },
};
