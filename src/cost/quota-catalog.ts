// Bundled default quotas, each with its source URL and the date it was read (docs/capacity.md lists them).
// A figure not here is "unknown", never unlimited: account quotas differ, and AWS's defaults for a new
// account can be lower than its published ones, so a stated quota (scenario `quotas:`, policy `quota:`)
// always wins.
import type { BundledQuota } from "./quota.js";

const READ_ON = "2026-12-01";

const AWS_RUNTIME = "https://docs.aws.amazon.com/bedrock/latest/userguide/quotas-runtime.html";
const AWS_BURNDOWN = "https://docs.aws.amazon.com/bedrock/latest/userguide/quotas-token-burndown.html";
const ANTHROPIC = "https://docs.anthropic.com/en/api/rate-limits";
const OPENAI =
  "https://platform.openai.com/docs/guides/rate-limits (tier 1 table, as quoted at https://community.openai.com/t/1028595)";

export const BUNDLED_QUOTAS: readonly BundledQuota[] = [
  {
    provider: "bedrock",
    scope: "bedrock-runtime, on-demand and cross-Region",
    // AWS no longer enforces RPM on bedrock-runtime; the TPM quota is per account and model (Service Quotas).
    rpm: "none",
    outputBurndown: 1,
    source: AWS_RUNTIME,
    asOf: READ_ON,
    note: "RPM is not enforced on bedrock-runtime; TPM (input + output combined) is account-specific: state it",
  },
  {
    provider: "bedrock",
    families: ["claude-opus-4", "claude-sonnet-4"],
    scope: "bedrock-runtime token burndown",
    outputBurndown: 5,
    source: AWS_BURNDOWN,
    asOf: READ_ON,
    note: "AWS lists Claude Opus 4 and Claude Sonnet 4 as burning 5 quota tokens per output token",
  },
  {
    provider: "bedrock",
    // Newer Claude models: the part of AWS's 5x list that could be read ended after Opus 4 and Sonnet 4.
    families: [
      "claude-opus-4.1",
      "claude-opus-4.5",
      "claude-opus-4.6",
      "claude-opus-4.7",
      "claude-opus-4.8",
      "claude-opus-5",
      "claude-sonnet-4.5",
      "claude-sonnet-4.6",
      "claude-sonnet-5",
      "claude-haiku-4.5",
      "claude-fable-5",
    ],
    scope: "bedrock-runtime token burndown",
    outputBurndown: "unknown",
    source: AWS_BURNDOWN,
    asOf: READ_ON,
    note: "not confirmed in the part of AWS's 5x list that was read: state output_burndown",
  },
  {
    provider: "anthropic",
    scope: "Claude API (all tiers)",
    // No burndown on the direct API; cache reads count toward ITPM only on the models marked † (below).
    outputBurndown: 1,
    cacheReadsCount: false,
    source: ANTHROPIC,
    asOf: READ_ON,
  },
  {
    provider: "openai",
    scope: "OpenAI API (all tiers)",
    // TPM counts input + output; no burndown.
    outputBurndown: 1,
    source: OPENAI,
    asOf: READ_ON,
  },
  {
    provider: "anthropic",
    families: ["claude-opus-4", "claude-opus-4.1", "claude-opus-4.5", "claude-opus-4.6", "claude-opus-4.7"],
    scope: "Claude API tier 1 (Opus 4.x, one limit across the family)",
    rpm: 50,
    itpm: 30_000,
    otpm: 8_000,
    outputBurndown: 1,
    cacheReadsCount: false,
    source: ANTHROPIC,
    asOf: READ_ON,
  },
  {
    provider: "anthropic",
    families: ["claude-sonnet-4", "claude-sonnet-4.5", "claude-sonnet-4.6"],
    scope: "Claude API tier 1 (Sonnet 4.x)",
    rpm: 50,
    itpm: 30_000,
    otpm: 8_000,
    outputBurndown: 1,
    cacheReadsCount: false,
    source: ANTHROPIC,
    asOf: READ_ON,
  },
  {
    provider: "anthropic",
    families: ["claude-sonnet-3.7"],
    scope: "Claude API tier 1",
    rpm: 50,
    itpm: 20_000,
    otpm: 8_000,
    outputBurndown: 1,
    cacheReadsCount: false,
    source: ANTHROPIC,
    asOf: READ_ON,
  },
  {
    provider: "anthropic",
    families: ["claude-haiku-3.5"],
    scope: "Claude API tier 1 (marked †: cache reads count toward ITPM)",
    rpm: 50,
    itpm: 50_000,
    otpm: 10_000,
    outputBurndown: 1,
    cacheReadsCount: true,
    source: ANTHROPIC,
    asOf: READ_ON,
  },
  {
    provider: "openai",
    families: ["gpt-4o"],
    scope: "OpenAI usage tier 1",
    rpm: 500,
    tpm: 30_000,
    outputBurndown: 1,
    source: OPENAI,
    asOf: READ_ON,
  },
  {
    provider: "openai",
    families: ["gpt-4o-mini"],
    scope: "OpenAI usage tier 1",
    rpm: 500,
    tpm: 200_000,
    outputBurndown: 1,
    source: OPENAI,
    asOf: READ_ON,
  },
];
