import fc from "fast-check";
import { expect, test } from "vitest";
import { RouteReplay } from "../../src/routing/replay.js";
import { at, compile, LOOKUP, request, TARGETS } from "./helpers.js";

const NAMES = Object.keys(TARGETS);
const COMPLIANT = ["bedrock-sonnet", "bedrock-haiku"];

const condition = fc.oneof(
  fc.record({ use_case: fc.constantFrom("chat", "summarize", "rag_qa") }),
  fc.record({ requires_latest: fc.boolean() }),
  fc.record({ requires_compliance: fc.boolean() }),
  fc.record({ input_tokens: fc.record({ gt: fc.integer({ min: 0, max: 5000 }) }) }),
  fc.record({ cost_sensitivity: fc.record({ in: fc.constant(["high", "medium"]) }) }),
  fc.record({ not: fc.record({ use_case: fc.constant("chat") }) }),
);
const someTargets = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 });
const route = fc.oneof(
  fc.constantFrom(...NAMES).map((target) => ({ target })),
  someTargets.map((cheapest) => ({ cheapest })),
  someTargets.map((best_scored) => ({ best_scored })),
);
const otherRules = fc.array(fc.record({ when: condition, route }), { maxLength: 5 });
// Fallbacks only point to later targets in NAMES, so there is never a cycle.
const fallbacks = fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 6 }).map((pairs) => {
  const map: Record<string, string[]> = {};
  for (const [a, b] of pairs) {
    const from = NAMES[a];
    const to = NAMES[a + 1 + (b % (NAMES.length - a - 1))];
    if (!from || !to) continue;
    map[from] = [...new Set([...(map[from] ?? []), to])];
  }
  return map;
});
const failures = fc.array(
  fc.record({
    target: fc.constantFrom(...NAMES),
    startMinute: fc.nat(50),
    minutes: fc.integer({ min: 1, max: 30 }),
    error_rate: fc.constantFrom(0.5, 1),
  }),
  { maxLength: 3 },
);
const traffic = fc.array(
  fc.record({
    minute: fc.nat(59),
    requiresCompliance: fc.boolean(),
    requiresLatest: fc.boolean(),
    useCase: fc.constantFrom("chat", "summarize", "rag_qa"),
    costSensitivity: fc.constantFrom("high", "low"),
    inputTokens: fc.integer({ min: 1, max: 10_000 }),
  }),
  { minLength: 1, maxLength: 40 },
);

test("whatever the other rules, a compliance-required request never lands on a target without the label", () => {
  fc.assert(
    fc.property(
      otherRules,
      fc.nat(5),
      fc.constantFrom(...COMPLIANT),
      fallbacks,
      failures,
      traffic,
      (others, position, compliantTarget, fallbackMap, windows, rows) => {
        const rules = others.map((rule, i) => ({ name: `rule-${i}`, ...rule }));
        const compliance = {
          name: "compliance",
          when: { requires_compliance: true },
          route: { target: compliantTarget },
        };
        rules.splice(Math.min(position, rules.length), 0, compliance);
        const policy = compile({
          version: 1,
          targets: TARGETS,
          compliance: { label: "hipaa" },
          rules,
          default: { route: { target: "openai-4o" } },
          fallbacks: fallbackMap,
          circuit_breaker: { failure_threshold: 2, cooldown_seconds: 120 },
          simulate: {
            failures: windows.map((w) => ({
              target: w.target,
              from: new Date(at("2026-01-05T00:00:00Z") + w.startMinute * 60_000).toISOString(),
              to: new Date(at("2026-01-05T00:00:00Z") + (w.startMinute + w.minutes) * 60_000).toISOString(),
              error_rate: w.error_rate,
            })),
          },
        });
        const replay = new RouteReplay(policy, LOOKUP, { seed: 3 });
        const sorted = [...rows].sort((a, b) => a.minute - b.minute);
        for (const row of sorted) {
          const { minute, ...fields } = row;
          const decision = replay.route(
            request({ ...fields, timestamp: at("2026-01-05T00:00:00Z") + minute * 60_000 }),
          );
          if (row.requiresCompliance && decision.targetIndex >= 0) {
            expect(COMPLIANT).toContain(decision.target);
          }
          expect(decision.complianceViolation).toBe(false);
        }
      },
    ),
    { numRuns: 300, seed: 42 },
  );
});
