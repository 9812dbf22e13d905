// One human sentence per decision. Built on demand (decisions file, --explain), never on the hot path.
import type { ReasonCode } from "./policy-schema.js";
import type { RoutingDecision } from "./replay.js";

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
      return `${lead}${capital(rule)} chose ${decision.primaryTarget}, which failed (simulated error); served by ${decision.target} via ${decision.fallbackPath}.`;
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
