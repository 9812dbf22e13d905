// Traffic whose source has no request counts (rows of token totals with an empty `requests`, such as
// Anthropic's usage report). Tokens are scaled by the window as always, so token costs need no request
// count; but the cost code works per request (cost curves over monthly requests). The rows without a count
// get nominal requests: with `--monthly-requests N`, exactly the ones that make the month N requests;
// without it, one per row, and every figure that depends on the count (per request, per-request
// infrastructure and overhead, breakeven volumes) is reported unknown rather than computed from them.
import type { DeploymentOption, Scenario } from "../cost/scenario-schema.js";
import type { TrafficBucket, TrafficMix } from "../cost/traffic-mix.js";
import { InputError } from "../errors.js";
import type { TrafficProfile } from "../traffic/profile.js";

export interface RequestCounts {
  mix: TrafficMix;
  /** The monthly request count the analysis projects at. */
  monthlyRequests: number;
  /** False when the month's request count is not known (no --monthly-requests for rows without counts). */
  known: boolean;
  /** The scenario to price with: without a known count, per-request infrastructure and overhead left out. */
  scenario: Scenario;
  assumptions: string[];
}

export function requestCounts(
  profile: TrafficProfile,
  scenario: Scenario,
  scale: number,
  monthlyRequests: number | undefined,
  trafficFile: string,
): RequestCounts {
  if (profile.unknownRequestRows === 0) {
    return {
      mix: profile,
      monthlyRequests: profile.requests * scale,
      known: true,
      scenario,
      assumptions: [],
    };
  }
  const knownMonthly = profile.requests * scale;
  if (monthlyRequests !== undefined) {
    const nominal = monthlyRequests / scale - profile.requests;
    if (!(nominal > 0)) {
      throw new InputError(
        { file: trafficFile },
        `--monthly-requests ${monthlyRequests} is not above the ${Math.round(knownMonthly)} requests a month that the rows with a request count already make; it sets the count of all requests`,
      );
    }
    return {
      mix: withNominalRequests(profile, nominal),
      monthlyRequests,
      known: true,
      scenario,
      assumptions: [
        `${profile.unknownRequestRows} rows have no request count: --monthly-requests ${monthlyRequests} sets the month's request count${profile.requests > 0 ? ` (${Math.round(knownMonthly)} of them from the rows with a count)` : ""}, for per-request figures and per-request infrastructure only; the rows without a count get the rest in proportion to their tokens`,
      ],
    };
  }
  const mix = withNominalRequests(profile, profile.unknownRequestRows);
  const left = leftOutPerRequest(scenario);
  return {
    mix,
    monthlyRequests: mix.requests * scale,
    known: false,
    scenario: left.scenario,
    assumptions: [
      `${profile.unknownRequestRows} rows have no request count, so the month's request count is unknown: per-request figures and breakeven volumes are reported as unknown (pass --monthly-requests N to set the count)`,
      ...left.assumptions,
    ],
  };
}

/** The profile with `nominal` requests shared among the buckets without a count, by input + output tokens
 * (equally when they have none). */
function withNominalRequests(profile: TrafficProfile, nominal: number): TrafficMix {
  const unknown = profile.buckets.filter((b) => b.requestsUnknown);
  const tokens = (b: TrafficBucket) => b.tokens.input + b.tokens.output;
  const all = unknown.reduce((sum, b) => sum + tokens(b), 0);
  const buckets = profile.buckets.map((bucket) => {
    if (!bucket.requestsUnknown) return bucket;
    const share = all === 0 ? 1 / unknown.length : tokens(bucket) / all;
    return { ...bucket, requests: bucket.requests + nominal * share };
  });
  return { requests: profile.requests + nominal, tokens: profile.tokens, buckets };
}

/** The scenario without per-request infrastructure quantities and per-request overhead, and what was left out. */
function leftOutPerRequest(scenario: Scenario): { scenario: Scenario; assumptions: string[] } {
  const assumptions: string[] = [];
  const infra = scenario.infra.map((item) => {
    if (item.quantity.per_request === 0) return item;
    assumptions.push(
      `infra ${item.id}: its ${item.quantity.per_request} ${item.unit} per request are left out of the totals (the request count is unknown)`,
    );
    return { ...item, quantity: { ...item.quantity, per_request: 0 } };
  });
  const options = scenario.options.map((option): DeploymentOption => {
    const hidden = option.hidden_cost;
    if (hidden?.per_request === undefined) return option;
    assumptions.push(
      `option ${option.id}: its operational overhead per request is left out of the totals (the request count is unknown)`,
    );
    const { per_request: _left, ...rest } = hidden;
    return { ...option, hidden_cost: rest };
  });
  return { scenario: { ...scenario, infra, options }, assumptions };
}
