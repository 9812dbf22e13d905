import { expect, test } from "vitest";
import type { BreakerTransition } from "../../src/routing/circuit-breaker.js";
import { RouteReplay } from "../../src/routing/replay.js";
import { at, compile, LOOKUP, request, TARGETS } from "./helpers.js";

const policy = compile({
  version: 1,
  targets: TARGETS,
  default: { route: { target: "bedrock-sonnet" } },
  fallbacks: { "bedrock-sonnet": ["anthropic-sonnet"] },
  circuit_breaker: { failure_threshold: 2, cooldown_seconds: 60, half_open_probes: 1 },
  simulate: {
    failures: [{ target: "bedrock-sonnet", from: "2026-01-05T00:00:00Z", to: "2026-01-05T00:05:00Z" }],
  },
});

test("the breaker opens at the threshold, routes around, half-opens after the cooldown and closes on success", () => {
  const transitions: string[] = [];
  const names = policy.targets.map((t) => t.name);
  const onBreakerTransition = (t: BreakerTransition) =>
    transitions.push(`${names[t.target]} ${t.state} ${new Date(t.atMs).toISOString().slice(11, 19)}`);
  const replay = new RouteReplay(policy, LOOKUP, { onBreakerTransition });
  const route = (time: string) => {
    const d = replay.route(request({ timestamp: at(`2026-01-05T${time}Z`) }));
    return `${time} ${d.reasonCode} ${d.target} ${d.fallbackPath}`.trim();
  };
  expect([
    route("00:00:00"), // failure 1 of 2
    route("00:00:10"), // failure 2: opens at 00:00:10, cooldown until 00:01:10
    route("00:00:20"), // open: routed around without trying
    route("00:01:09"), // still open, 1 s before the cooldown ends
    route("00:01:10"), // half-open probe, still inside the failure window: fails and reopens
    route("00:05:00"), // half-open probe after the window (it ends at 00:05:00, exclusive): closes
    route("00:05:10"), // closed
  ]).toEqual([
    "00:00:00 fallback anthropic-sonnet bedrock-sonnet[error] > anthropic-sonnet",
    "00:00:10 fallback anthropic-sonnet bedrock-sonnet[error] > anthropic-sonnet",
    "00:00:20 circuit_open anthropic-sonnet bedrock-sonnet[circuit_open] > anthropic-sonnet",
    "00:01:09 circuit_open anthropic-sonnet bedrock-sonnet[circuit_open] > anthropic-sonnet",
    "00:01:10 fallback anthropic-sonnet bedrock-sonnet[error] > anthropic-sonnet",
    "00:05:00 default bedrock-sonnet",
    "00:05:10 default bedrock-sonnet",
  ]);
  expect(transitions).toEqual([
    "bedrock-sonnet open 00:00:10",
    "bedrock-sonnet half_open 00:01:10",
    "bedrock-sonnet open 00:01:10",
    "bedrock-sonnet half_open 00:05:00",
    "bedrock-sonnet closed 00:05:00",
  ]);
});

test("a success resets the consecutive-failure count", () => {
  const flaky = compile({
    version: 1,
    targets: TARGETS,
    default: { route: { target: "bedrock-sonnet" } },
    fallbacks: { "bedrock-sonnet": ["anthropic-sonnet"] },
    circuit_breaker: { failure_threshold: 2, cooldown_seconds: 60 },
    simulate: {
      failures: [
        { target: "bedrock-sonnet", from: "2026-01-05T00:00:00Z", to: "2026-01-05T00:00:01Z" },
        { target: "bedrock-sonnet", from: "2026-01-05T00:00:02Z", to: "2026-01-05T00:00:03Z" },
      ],
    },
  });
  const replay = new RouteReplay(flaky, LOOKUP);
  const reasons = ["00:00:00", "00:00:01", "00:00:02", "00:00:04"].map(
    (time) => replay.route(request({ timestamp: at(`2026-01-05T${time}Z`) })).reasonCode,
  );
  // fail, success (count back to 0), fail (1 of 2), success: never opens.
  expect(reasons).toEqual(["fallback", "default", "fallback", "default"]);
});

test("error rates below 1 are drawn from the seed: same seed, same failures", () => {
  const partial = compile({
    version: 1,
    targets: TARGETS,
    default: { route: { target: "bedrock-sonnet" } },
    fallbacks: { "bedrock-sonnet": ["anthropic-sonnet"] },
    simulate: {
      failures: [
        {
          target: "bedrock-sonnet",
          from: "2026-01-05T00:00:00Z",
          to: "2026-01-06T00:00:00Z",
          error_rate: 0.3,
        },
      ],
    },
  });
  const run = (seed: number) => {
    const replay = new RouteReplay(partial, LOOKUP, { seed });
    return Array.from(
      { length: 200 },
      (_, i) => replay.route(request({ timestamp: at("2026-01-05T00:00:00Z") + i * 1000 })).target,
    );
  };
  const first = run(7);
  expect(run(7)).toEqual(first);
  expect(run(8)).not.toEqual(first);
  const failed = first.filter((t) => t === "anthropic-sonnet").length;
  expect(failed).toBeGreaterThan(30); // about 0.3 x 200 = 60
  expect(failed).toBeLessThan(90);
});
