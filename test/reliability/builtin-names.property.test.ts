// Issue 17, item 6: names from user files that are also built-in property names (constructor, toString,
// __proto__, ...) behave like any other name. Property test over the routing core (fast), then the same
// names through the binary: targets, fallbacks, meta columns, CSV columns and priced models.

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RouteReplay } from "../../src/routing/replay.js";
import { runCli, tempFiles } from "../cli.js";
import { compile, LOOKUP, request } from "../routing/helpers.js";

const BUILTIN_NAMES = [
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
] as const;

const name = fc.oneof(
  fc.constantFrom(...BUILTIN_NAMES),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/).filter((n) => n !== "__proto__"),
);

describe("built-in property names as policy names (property)", () => {
  it("a target named N routes its requests, its fallback is followed, and meta.N tests only a column N", () => {
    fc.assert(
      fc.property(name, name, (primary, column) => {
        fc.pre(primary !== "spare");
        const policy = compile({
          version: 1,
          targets: {
            [primary]: { provider: "openai", model: "gpt-4o" },
            spare: { provider: "openai", model: "gpt-4o-mini" },
          },
          rules: [
            // Matches any text at all: only a row that has the column can match.
            { name: "by-column", when: { [`meta.${column}`]: { regex: "" } }, route: { target: "spare" } },
          ],
          default: { route: { target: primary } },
          fallbacks: { [primary]: ["spare"] },
          simulate: {
            failures: [{ target: primary, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }],
          },
        });
        const replay = new RouteReplay(policy, LOOKUP);
        // Without the column the rule does not match: the default target fails and falls back to spare.
        const plain = replay.route(request());
        expect(plain.rule).not.toBe("by-column");
        expect(plain.target).toBe("spare");
        expect(plain.fallbackPath).toContain(primary);
        // With the column the rule matches.
        const tagged = replay.route(request({ meta: { [column]: "x" } }));
        expect(tagged.rule).toBe("by-column");
      }),
      { numRuns: 200 },
    );
  });
});

describe("built-in property names through the binary", () => {
  const traffic = `timestamp,request_id,provider,model,input_tokens,output_tokens,constructor
2025-06-02T00:00:00Z,r1,openai,constructor,1000,100,a
2025-06-02T00:01:00Z,r2,openai,toString,1000,100,b
2025-06-02T00:02:00Z,r3,openai,__proto__,1000,100,c
`;
  const pricing = `version: 1
models:
${["constructor", "toString", "__proto__"].map((m) => `  - { provider: openai, model: "${m}", input: 1, output: 2, source: test, as_of: 2026-01-01 }`).join("\n")}
`;

  it("project: models named constructor, toString, __proto__ are priced (no internal error), a CSV column constructor is metadata", () => {
    const dir = tempFiles({ "t.csv": traffic, "p.yaml": pricing });
    const result = runCli([
      "project",
      "-t",
      join(dir, "t.csv"),
      "-p",
      join(dir, "p.yaml"),
      "-f",
      "json",
      "-q",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const direct = report.options.find((o: { kind: string }) => o.kind === "direct");
    const models = direct.models.map((m: { model: string }) => m.model).sort();
    expect(models).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("route: a target named toString and meta.hasOwnProperty on a file without that column", () => {
    const dir = tempFiles({
      "t.csv": traffic,
      "p.yaml": pricing,
      "policy.yaml": `version: 1
targets:
  toString: { provider: openai, model: gpt-4o }
  constructor: { provider: openai, model: gpt-4o-mini }
rules:
  - name: never
    when: { meta.hasOwnProperty: { regex: "native code|Object" } }
    route: { target: constructor }
default:
  route: { target: toString }
fallbacks:
  toString: [constructor]
`,
    });
    const result = runCli([
      "route",
      "--dry-run",
      ...["-t", join(dir, "t.csv"), "-P", join(dir, "policy.yaml"), "-p", join(dir, "p.yaml")],
      ...["-f", "json", "-q"],
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const hits = Object.fromEntries(
      report.rules.map((r: { rule: string; requests: number }) => [r.rule, r.requests]),
    );
    expect(hits).toEqual({ never: 0, "(default)": 3 });
    const share = Object.fromEntries(
      report.targets.map((t: { target: string; requests: number }) => [t.target, t.requests]),
    );
    expect(share).toEqual({ toString: 3, constructor: 0 });
  });

  it("a target named __proto__ is refused with its location, not silently dropped", () => {
    const dir = tempFiles({
      "policy.yaml": `version: 1
targets:
  __proto__: { provider: openai, model: gpt-4o }
default:
  route: { target: __proto__ }
`,
    });
    const result = runCli(["validate", join(dir, "policy.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/policy\.yaml:3:3: "__proto__" cannot be a key/);
  });
});
