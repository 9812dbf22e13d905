// RouteRun reuses one decision object when nothing keeps decisions (no --decisions sink). The summary, the
// --diff and the --explain trace must not tell the difference: same results as with a fresh decision per
// row, `row-<n>` ids included for rows without a request id (violation examples, diff examples, trace).
import { describe, expect, it } from "vitest";
import { type RoutingDecision, requestIdOf } from "../../src/routing/decision.js";
import { RouteRun, type RouteRunOptions } from "../../src/routing/run.js";
import type { TrafficRow } from "../../src/traffic/row.js";
import { compile, LOOKUP, request, TARGETS } from "./helpers.js";

const violating = compile({
  version: 1,
  targets: TARGETS,
  compliance: { label: "hipaa", enforce: false },
  rules: [{ name: "mini", when: { use_case: "chat" }, route: { target: "openai-mini" } }],
  default: { route: { target: "bedrock-sonnet" } },
});
const other = compile({
  version: 1,
  targets: TARGETS,
  rules: [{ name: "cheap", when: { use_case: "rag" }, route: { cheapest: ["openai-4o", "bedrock-haiku"] } }],
  default: { route: { target: "openai-mini" } },
});

function rows(): TrafficRow[] {
  return Array.from({ length: 60 }, (_, i) => {
    const { requestId, ...row } = request({
      requiresCompliance: i % 3 === 0,
      useCase: i % 2 === 0 ? "chat" : "rag",
      inputTokens: 500 + 97 * i,
    });
    return i % 4 === 0 ? row : { ...row, requestId: requestId ?? "" };
  });
}

function replay(options: RouteRunOptions, traffic: TrafficRow[]) {
  const run = new RouteRun(violating, LOOKUP, { ...options, comparePolicy: other });
  for (const row of traffic) run.add(row);
  return run.finish();
}

describe("scratch decisions", () => {
  it("give the same summary, diff and trace as fresh decisions", () => {
    const traffic = rows();
    const explainRequestId = traffic[1]?.requestId ?? "";
    const kept: RoutingDecision[] = [];
    const fresh = replay({ explainRequestId, onDecision: (d) => kept.push(d) }, traffic);
    const scratch = replay({ explainRequestId }, traffic);
    expect(scratch).toEqual(fresh);
    expect(fresh.summary.compliance.violationRequestIds).toContain(`row-${traffic[0]?.row}`);
    expect(fresh.trace && requestIdOf(fresh.trace.decision)).toBe(explainRequestId);
    expect(fresh.diff?.changedExamples.map((e) => e.requestId)).toContain(`row-${traffic[0]?.row}`);
    expect(new Set(kept).size).toBe(traffic.length);
    expect(kept.map(requestIdOf)).toEqual(kept.map((d) => d.requestId));
  });
});
