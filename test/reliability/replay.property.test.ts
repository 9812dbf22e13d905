// Replay is deterministic: the same policy, traffic and seed give the same decisions, field for field,
// even with simulated error rates below 1 (drawn from the seed), circuit breakers and fallbacks. (That
// compliance-required requests never reach an unlabelled target is test/routing/compliance.property.test.ts.)
import fc from "fast-check";
import { expect, test } from "vitest";
import { RouteReplay } from "../../src/routing/replay.js";
import { compile, LOOKUP, request, TARGETS } from "../routing/helpers.js";

const NAMES = Object.keys(TARGETS);
const START = Date.parse("2026-01-05T00:00:00Z");

const trafficArb = fc.array(
  fc.record({
    minute: fc.nat(120),
    useCase: fc.constantFrom("chat", "summarize"),
    requiresCompliance: fc.boolean(),
    inputTokens: fc.integer({ min: 1, max: 300_000 }),
    outputTokens: fc.integer({ min: 0, max: 5_000 }),
  }),
  { minLength: 1, maxLength: 60 },
);
const failuresArb = fc.array(
  fc.record({
    target: fc.constantFrom(...NAMES),
    from: fc.nat(100),
    minutes: fc.integer({ min: 1, max: 60 }),
    error_rate: fc.constantFrom(0.2, 0.5, 1),
  }),
  { maxLength: 3 },
);

test("the same inputs and seed give the same decisions", () => {
  fc.assert(
    fc.property(trafficArb, failuresArb, fc.nat(1000), (traffic, failures, seed) => {
      const policy = compile({
        version: 1,
        targets: TARGETS,
        compliance: { label: "hipaa" },
        rules: [
          { name: "compliance", when: { requires_compliance: true }, route: { target: "bedrock-sonnet" } },
          {
            name: "cheap",
            when: { use_case: "summarize" },
            route: { cheapest: ["openai-mini", "bedrock-haiku"] },
          },
        ],
        default: { route: { best_scored: ["openai-4o", "anthropic-sonnet", "bedrock-sonnet"] } },
        fallbacks: { "openai-4o": ["anthropic-sonnet"], "bedrock-sonnet": ["bedrock-haiku"] },
        circuit_breaker: { failure_threshold: 2, cooldown_seconds: 300 },
        simulate: {
          failures: failures.map((f) => ({
            target: f.target,
            from: new Date(START + f.from * 60_000).toISOString(),
            to: new Date(START + (f.from + f.minutes) * 60_000).toISOString(),
            error_rate: f.error_rate,
          })),
        },
      });
      const rows = [...traffic]
        .sort((a, b) => a.minute - b.minute)
        .map(({ minute, ...fields }, i) =>
          request({ ...fields, requestId: `q${i}`, row: i + 1, timestamp: START + minute * 60_000 }),
        );
      const replayOnce = () => {
        const replay = new RouteReplay(policy, LOOKUP, { seed });
        // Decisions may share buffers with the replay: copy each before the next row.
        return rows.map((row) => structuredClone(replay.route(row)));
      };
      const first = replayOnce();
      expect(first).toHaveLength(rows.length);
      expect(replayOnce()).toEqual(first);
    }),
    { numRuns: 200, seed: 21 },
  );
});
