// How model ids seen in logs and price lists are taken apart for resolution: routing prefixes
// (`bedrock/us-east-1/`, `openai/`), Bedrock inference-profile prefixes (`us.`, `global.`), the Bedrock
// vendor prefix (`anthropic.`), snapshot dates and `-v1:0` version suffixes. Only whole, well-known
// affixes are removed, so one model id can never be mistaken for another that merely contains it.
import type { ProfileScope } from "./price.js";

/** Provider names as logs spell them, mapped to the catalog's provider ids. */
const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  bedrock_converse: "bedrock",
  "amazon-bedrock": "bedrock",
  amazon_bedrock: "bedrock",
  "aws-bedrock": "bedrock",
  aws: "bedrock",
};

export function normaliseProvider(provider: string): string {
  const lower = provider.trim().toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
}

/** Prefixes `provider/` that routers (LiteLLM, gateways) put before a model id. */
const ROUTING_PROVIDERS = new Set([
  "bedrock",
  "bedrock_converse",
  "anthropic",
  "openai",
  "azure",
  "vertex_ai",
  "google",
  "gemini",
  "mistral",
  "cohere",
  "meta",
]);

/** Path segments after `bedrock/` that select an API, a region or a commitment, not a model. */
const BEDROCK_PATH_SEGMENT = /^(converse|invoke|\*|[a-z]{2}(-gov)?-[a-z]+-\d|\d+-month-commitment)$/;

const GEO_PROFILES = new Set(["us", "eu", "apac", "au", "jp", "ca", "us-gov"]);
const BEDROCK_VENDORS = new Set([
  "anthropic",
  "meta",
  "amazon",
  "mistral",
  "cohere",
  "ai21",
  "deepseek",
  "qwen",
  "writer",
  "openai",
]);

export interface RoutedModelId {
  /** The id without routing and profile prefixes, lowercased. */
  id: string;
  /** Provider named by a routing prefix, if any. */
  provider?: string;
  /** Scope named by a Bedrock profile prefix (`global.` or a geo prefix), if any. */
  scope?: ProfileScope;
  /** That prefix without its dot (`global`, `us`, `eu`, ...), if any. */
  profile?: string;
  /** Whether anything was removed. */
  prefixed: boolean;
}

/** Removes routing and inference-profile prefixes. */
export function stripRouting(modelId: string): RoutedModelId {
  let id = modelId.trim().toLowerCase();
  let provider: string | undefined;
  const segments = id.split("/");
  if (segments.length > 1 && segments[0] !== undefined && ROUTING_PROVIDERS.has(segments[0])) {
    provider = normaliseProvider(segments[0]);
    let rest = segments.slice(1);
    if (provider === "bedrock") {
      while (rest.length > 1 && rest[0] !== undefined && BEDROCK_PATH_SEGMENT.test(rest[0]))
        rest = rest.slice(1);
    }
    id = rest.join("/");
  }
  const profile = profilePrefix(id);
  if (profile) id = id.slice(profile.prefix.length);
  return {
    id,
    ...(provider ? { provider } : {}),
    ...(profile
      ? { scope: profile.scope, profile: profile.prefix.slice(0, -1), provider: provider ?? "bedrock" }
      : {}),
    prefixed: id !== modelId.trim().toLowerCase(),
  };
}

/** `us.anthropic.claude-…` → geo, `global.anthropic.claude-…` → global; only before a Bedrock vendor id. */
function profilePrefix(id: string): { prefix: string; scope: ProfileScope } | undefined {
  const match = /^([a-z-]+)\.([a-z0-9]+)\./.exec(id);
  if (!match?.[1] || !match[2] || !BEDROCK_VENDORS.has(match[2])) return undefined;
  if (match[1] === "global") return { prefix: "global.", scope: "global" };
  if (GEO_PROFILES.has(match[1])) return { prefix: `${match[1]}.`, scope: "geo" };
  return undefined;
}

/** Whether an id is plain: no routing prefix (`openai/…`) and no Bedrock profile prefix (`us.`, `global.`…). */
export function isPlainModelId(modelId: string): boolean {
  return !modelId.includes("/") && profilePrefix(modelId.toLowerCase()) === undefined;
}

export interface ModelIdParts {
  /** Bedrock vendor prefix without the dot, e.g. `anthropic`. */
  vendor?: string;
  base: string;
  /** Snapshot date as eight digits. */
  date?: string;
  /** Bedrock version suffix, e.g. `v1:0`. */
  version?: string;
}

/** Splits a plain (routing-stripped, lowercased) id into vendor, base, date and version. */
export function splitModelId(id: string): ModelIdParts {
  let rest = id;
  let vendor: string | undefined;
  const dot = rest.indexOf(".");
  if (dot > 0 && BEDROCK_VENDORS.has(rest.slice(0, dot))) {
    vendor = rest.slice(0, dot);
    rest = rest.slice(dot + 1);
  }
  let version: string | undefined;
  const versionMatch = /-(v\d+(?::\d+)?)$/.exec(rest);
  if (versionMatch?.[1]) {
    version = versionMatch[1];
    rest = rest.slice(0, versionMatch.index);
  }
  let date: string | undefined;
  const dateMatch = /(?:-|@)(\d{8}|\d{4}-\d{2}-\d{2})$/.exec(rest);
  if (dateMatch?.[1] && dateMatch.index > 0) {
    date = dateMatch[1].replaceAll("-", "");
    rest = rest.slice(0, dateMatch.index);
  }
  return {
    base: rest,
    ...(vendor ? { vendor } : {}),
    ...(date ? { date } : {}),
    ...(version ? { version } : {}),
  };
}
