// Plausibility checks on a traffic profile against the catalog, for the mistakes that pass every cell check
// but multiply a projection: token totals read as per-request figures (an OpenAI usage export's daily
// totals with `num_model_requests` as the weight came out about 9,000 times too high), prompts larger than
// the model accepts, and requests that carry no token yet did not fail. Each is a located problem naming
// a row: a warning, or with `--strict` an error. Pure.
import type { PricingCatalog } from "../cost/catalog.js";
import type { ModelPrice } from "../cost/price.js";
import type { TrafficBucket } from "../cost/traffic-mix.js";
import { InputError } from "../errors.js";
import type { TrafficProfile } from "../traffic/profile.js";

/** How many problems are named one by one; the rest are counted in one more. */
const MAX_NAMED = 20;

export function plausibilityProblems(
  profile: TrafficProfile,
  catalog: PricingCatalog,
  file: string,
): InputError[] {
  const largest = largestWindow(catalog);
  const problems: InputError[] = [];
  const totalsLike = new Set<string>();
  // (b) First: a mean prompt above every context window explains (a) for the same model.
  for (const [model, group] of byModel(profile.buckets)) {
    const known = group.filter((b) => !b.requestsUnknown && b.requests > 0);
    const requests = known.reduce((sum, b) => sum + b.requests, 0);
    const input = known.reduce((sum, b) => sum + b.tokens.input, 0);
    if (largest === undefined || requests === 0 || input / requests <= largest.tokens) continue;
    totalsLike.add(model);
    const row = witness(known);
    problems.push(
      new InputError(
        { file, ...(row !== undefined && { row }), field: "input_tokens" },
        `${model}: the mean prompt is ${formatTokens(input / requests)} tokens a request, above the largest context window in the catalog (${formatTokens(largest.tokens)}, ${largest.key}): this looks like token totals read as per-request figures; if the token columns are totals over \`requests\` (a usage export), add a token_basis column set to total`,
      ),
    );
  }
  // (a) A request's prompt above its own model's context window. A model with a long-context tier takes
  // prompts past its catalog max_input_tokens (LiteLLM's figure for the standard tier): not checked.
  for (const [model, group] of byModel(profile.buckets)) {
    if (totalsLike.has(model)) continue;
    const price = resolve(catalog, model, group[0]?.provider);
    const window = price?.longContext === undefined ? price?.maxInputTokens : undefined;
    const biggest = biggestPrompt(group);
    if (price === undefined || window === undefined || biggest === undefined || biggest.tokens <= window)
      continue;
    problems.push(
      new InputError(
        { file, row: biggest.row, field: "input_tokens" },
        `a prompt of ${formatTokens(biggest.tokens)} tokens exceeds the context window of ${price.key} (${formatTokens(window)} tokens, the catalog's max_input_tokens): check the model and the token columns`,
      ),
    );
  }
  // (c) Requests without a token that did not fail.
  for (const [model, group] of byModel(profile.buckets)) {
    const zero = group.flatMap((b) => (b.zeroTokens ? [b.zeroTokens] : []));
    if (zero.length === 0) continue;
    const requests = zero.reduce((sum, z) => sum + z.requests, 0);
    const row = Math.min(...zero.map((z) => z.row));
    problems.push(
      new InputError(
        { file, row, field: "input_tokens" },
        `${model}: ${requests} request${requests === 1 ? "" : "s"} carry no input or output tokens but did not fail (first at this row): a failed request needs a status saying so, a success needs its tokens`,
      ),
    );
  }
  if (problems.length <= MAX_NAMED) return problems;
  const rest = problems.length - MAX_NAMED;
  return [
    ...problems.slice(0, MAX_NAMED),
    new InputError({ file }, `${rest} more implausible model${rest === 1 ? "" : "s"} not listed`),
  ];
}

function byModel(buckets: readonly TrafficBucket[]): Map<string, TrafficBucket[]> {
  const groups = new Map<string, TrafficBucket[]>();
  for (const bucket of buckets) {
    const key = bucket.provider === undefined ? bucket.model : `${bucket.provider}/${bucket.model}`;
    const group = groups.get(key);
    if (group) group.push(bucket);
    else groups.set(key, [bucket]);
  }
  return groups;
}

function biggestPrompt(group: readonly TrafficBucket[]): { tokens: number; row: number } | undefined {
  let biggest: { tokens: number; row: number } | undefined;
  for (const bucket of group) {
    const prompt = bucket.largestPrompt;
    if (prompt !== undefined && prompt.tokens > (biggest?.tokens ?? 0)) biggest = prompt;
  }
  return biggest;
}

function witness(group: readonly TrafficBucket[]): number | undefined {
  return biggestPrompt(group)?.row;
}

function largestWindow(catalog: PricingCatalog): { tokens: number; key: string } | undefined {
  let largest: { tokens: number; key: string } | undefined;
  for (const price of catalog.models) {
    const window = price.maxInputTokens;
    if (window !== undefined && window > (largest?.tokens ?? 0)) largest = { tokens: window, key: price.key };
  }
  return largest;
}

function resolve(
  catalog: PricingCatalog,
  model: string,
  provider: string | undefined,
): ModelPrice | undefined {
  try {
    return catalog.resolve(model, provider)?.price;
  } catch {
    // An ambiguous id is reported where it is priced.
    return undefined;
  }
}

function formatTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString("en-US");
}
