// RoutingDecision: what replay decides for one request (RouteReplay fills it), and the one human sentence
// that explains it. The sentence is built on demand (decisions file, --explain), never on the hot path.
import type { ReasonCode } from "./policy-schema.js";

/** What happened to one attempt on a target. */
const ATTEMPT_OUTCOMES = ["ok", "error", "circuit_open", "region_unavailable", "throttled"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface RoutingDecision {
  row: number;
  /** The row's request id, else `row-<n>`. A reused (scratch) decision leaves it empty for a row without
   * one (formatting `row-<n>` for every row was a string per row): read it through `requestIdOf`. */
  requestId: string;
  timestampMs: number | undefined;
  rule: string;
  ruleIndex: number;
  reasonCode: ReasonCode;
  /** -1 when no target could serve the request (reason `unroutable`). */
  targetIndex: number;
  target: string;
  provider: string;
  model: string;
  /** The target the rule chose first; differs from `target` after a fallback. */
  primaryTarget: string;
  confidence: number | undefined;
  costUsd: number | null;
  loggedCostUsd: number | null;
  costImpactUsd: number | null;
  /** `a[error] > b` when attempts were skipped or failed; empty when the first choice served it. */
  fallbackPath: string;
  requiresCompliance: boolean;
  complianceViolation: boolean;
  /** A matching rule was passed over because none of its targets carries the compliance label. */
  complianceRerouted: boolean;
  useCase: string | undefined;
  region: string | undefined;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

export function rowRequestId(row: number): string {
  return `row-${row}`;
}

/** The request id of a decision, fresh or reused: `row-<n>` when the row has none. */
export function requestIdOf(decision: RoutingDecision): string {
  return decision.requestId === "" ? rowRequestId(decision.row) : decision.requestId;
}

/** A decision with every field set, for filling in place. */
export function emptyDecision(): RoutingDecision {
  return {
    row: 0,
    requestId: "",
    timestampMs: undefined,
    rule: "",
    ruleIndex: 0,
    reasonCode: "unroutable",
    targetIndex: -1,
    target: "",
    provider: "",
    model: "",
    primaryTarget: "",
    confidence: undefined,
    costUsd: null,
    loggedCostUsd: null,
    costImpactUsd: null,
    fallbackPath: "",
    requiresCompliance: false,
    complianceViolation: false,
    complianceRerouted: false,
    useCase: undefined,
    region: undefined,
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
}

const WHY: Record<ReasonCode, string> = {
  compliance: "the request requires compliance",
  latest_model: "the request requires the latest model",
  cost: "it was the cheapest candidate for this request",
  score: "it had the best score among the candidates",
  rule: "the rule names it",
  default: "no rule matched, so the default route applies",
  fallback: "",
  region_unavailable: "",
  circuit_open: "",
  unroutable: "",
};

export function decisionReasoning(decision: RoutingDecision): string {
  const rule = decision.rule.startsWith("(") ? "the default route" : `rule "${decision.rule}"`;
  const lead = decision.complianceRerouted
    ? "A matching rule without a compliant target was passed over; "
    : "";
  switch (decision.reasonCode) {
    case "unroutable":
      return `${lead}${capital(rule)} found no target that could serve it (${decision.fallbackPath || "no eligible target"}).`;
    case "fallback":
      return `${lead}${capital(rule)} chose ${decision.primaryTarget}, which ${decision.fallbackPath.includes(`${decision.primaryTarget}[throttled]`) ? "was throttled (over its quota)" : "failed (simulated error)"}; served by ${decision.target} via ${decision.fallbackPath}.`;
    case "circuit_open":
      return `${lead}${capital(rule)} chose ${decision.primaryTarget}, whose circuit breaker was open; routed around it to ${decision.target}.`;
    case "region_unavailable":
      return `${lead}${capital(rule)} chose ${decision.primaryTarget}, which does not serve region ${decision.region ?? "?"}; routed to ${decision.target}.`;
    default:
      return `${lead}${capital(rule)} sent it to ${decision.target} (${decision.provider}/${decision.model}) because ${WHY[decision.reasonCode]}.`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
