// --explain's trace is what replay did, recorded while it routed the request: the candidates it ranked
// (compliance filtering included), the scores it ranked them by and the attempts in that order.
import { describe, expect, it } from "vitest";
import { requestIdOf } from "../../src/routing/decision.js";
import { RouteReplay } from "../../src/routing/replay.js";
import { compile, LOOKUP, request, TARGETS } from "./helpers.js";

const policy = compile({
  version: 1,
  targets: TARGETS,
  compliance: { label: "hipaa", enforce: true },
  rules: [
    {
      name: "rag",
      when: { use_case: "rag" },
      route: {
        best_scored: ["bedrock-sonnet", "openai-4o"],
        weights: { cost: 2, performance: 1, latency: 1 },
      },
    },
  ],
  default: {
    route: {
      best_scored: ["bedrock-sonnet", "openai-4o", "bedrock-haiku"],
      weights: { cost: 2, performance: 1, latency: 1 },
    },
  },
});

// 1,000 tokens in, 500 out ($ per million in / out):
//   bedrock-sonnet  3 / 15:  0.003  + 0.0075 = 0.0105   performance 0.9,  latency 1200 ms
//   openai-4o     2.5 / 10:  0.0025 + 0.005  = 0.0075   performance 0.85, latency  800 ms
//   bedrock-haiku   1 / 5:   0.001  + 0.0025 = 0.0035   performance 0.7,  latency  500 ms
// score = (2 x cost_min/cost + 1 x performance + 1 x latency_min/latency) / 4
const sonnet = (2 * (0.0035 / 0.0105) + 0.9 + 500 / 1200) / 4; // 0.49583
const gpt4o = (2 * (0.0035 / 0.0075) + 0.85 + 500 / 800) / 4; // 0.60208
const haiku = (2 * 1 + 0.7 + 1) / 4; // 0.925

function trace(overrides: Parameters<typeof request>[0]) {
  return new RouteReplay(policy, LOOKUP).routeTraced(request(overrides)).trace;
}

describe("the --explain trace", () => {
  it("shows the scores replay ranked by, and attempts in ranked order", () => {
    const t = trace({});
    expect(t.candidates.map((c) => [c.target, c.eligible, c.costUsd])).toEqual([
      ["bedrock-sonnet", true, expect.closeTo(0.0105, 12)],
      ["openai-4o", true, expect.closeTo(0.0075, 12)],
      ["bedrock-haiku", true, expect.closeTo(0.0035, 12)],
    ]);
    const scores = t.candidates.map((c) => c.score?.score);
    expect(scores).toEqual([
      expect.closeTo(sonnet, 12),
      expect.closeTo(gpt4o, 12),
      expect.closeTo(haiku, 12),
    ]);
    expect(t.candidates[1]?.score).toMatchObject({
      costScore: expect.closeTo(7 / 15, 12),
      latencyScore: 0.625,
    });
    expect(t.attempts).toEqual([{ target: "bedrock-haiku", outcome: "ok" }]);
    expect(t.decision.target).toBe("bedrock-haiku");
  });

  it("marks candidates compliance filtered out as not eligible and unscored", () => {
    const t = trace({ requiresCompliance: true });
    expect(t.candidates.map((c) => [c.target, c.eligible, c.score?.score])).toEqual([
      // cost_min and latency_min are those of the eligible candidates (haiku on both): same scores.
      ["bedrock-sonnet", true, expect.closeTo(sonnet, 12)],
      ["openai-4o", false, undefined],
      ["bedrock-haiku", true, expect.closeTo(haiku, 12)],
    ]);
  });

  it("leaves a lone eligible candidate unscored: replay had nothing to rank it against", () => {
    const t = trace({ useCase: "rag", requiresCompliance: true });
    expect(t.route).toEqual({ rule: "rag", kind: "best_scored" });
    expect(t.candidates.map((c) => [c.target, c.eligible, c.score])).toEqual([
      ["bedrock-sonnet", true, undefined],
      ["openai-4o", false, undefined],
    ]);
    expect(t.attempts).toEqual([{ target: "bedrock-sonnet", outcome: "ok" }]);
  });

  it("keeps a copy of the decision, so a reused decision does not change it", () => {
    const replay = new RouteReplay(policy, LOOKUP);
    const { decision, trace: t } = replay.routeTraced(request({ requestId: "first" }));
    replay.route(request({ requestId: "second", useCase: "rag" }), decision);
    expect(requestIdOf(t.decision)).toBe("first");
    expect(t.decision.rule).toBe("(default)");
  });
});
