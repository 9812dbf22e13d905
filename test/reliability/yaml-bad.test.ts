// Bad YAML inputs (scenario, policy, pricing, wizard answers): exit 2, one message naming the file, the line
// and the field (in-process; test/e2e/error-classes.test.ts runs one through the binary). Alias bombs and
// absurd nesting are refused fast and in little memory: those run the binary, under a small heap that only
// a separate process can have. Fixtures: test/fixtures/bad/*.yaml; the huge nesting cases are generated here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ExpectedLocation, expectLocatedError, runCli, runInProcess, tempFiles } from "../cli.js";

const BAD = "test/fixtures/bad";
const TRAFFIC = "fixtures/traffic/saas-assistant-week.csv";

type Kind = "scenario" | "policy" | "pricing" | "answers";

/** The command that loads a YAML file of each kind, writing (if it got that far) into `out`. */
function argsFor(kind: Kind, file: string, out: string): string[] {
  switch (kind) {
    case "scenario":
      return ["project", "-t", TRAFFIC, "-s", file, "-o", join(out, "report.json")];
    case "policy":
      return ["route", "--dry-run", "-t", TRAFFIC, "-P", file, "--decisions", join(out, "d.csv")];
    case "pricing":
      return ["project", "-t", TRAFFIC, "-p", file, "-o", join(out, "report.json")];
    case "answers":
      return ["wizard", "--answers", file, "--out-dir", join(out, "plan"), "--yes"];
  }
}

async function expectRejected(
  kind: Kind,
  file: string,
  at: Omit<ExpectedLocation, "file">,
  message: RegExp,
): Promise<void> {
  const out = tempFiles({});
  const result = await runInProcess(argsFor(kind, file, out));
  expectLocatedError(result, { file, ...at }, message);
  for (const name of ["report.json", "d.csv", "plan"]) expect(existsSync(join(out, name))).toBe(false);
}

describe("YAML corpus: exit 2, one message with file, line and field", () => {
  const cases: [Kind, string, Omit<ExpectedLocation, "file">, RegExp][] = [
    ["scenario", "scenario-syntax.yaml", { line: 6 }, /invalid YAML: Sequence item without - indicator$/],
    ["scenario", "scenario-duplicate-key.yaml", { line: 6 }, /invalid YAML: Map keys must be unique$/],
    [
      "scenario",
      "scenario-unknown-key.yaml",
      // At the key's own line, with the closest key the schema knows there.
      { line: 8, field: "options[1].inference_profil" },
      /unknown key "inference_profil"; did you mean "inference_profile"\? \(unknown keys are not allowed\)$/,
    ],
    [
      "scenario",
      "scenario-wrong-type.yaml",
      { line: 7, field: "growth.monthly_rate" },
      /expected number, found "ten percent"$/,
    ],
    [
      "scenario",
      "scenario-missing-key.yaml",
      { line: 1, field: "options" },
      /expected array, found nothing \(required\)$/,
    ],
    [
      "scenario",
      "scenario-bad-enum.yaml",
      { line: 5, field: "options[0].kind" },
      /expected one of "direct", "direct-batch", "bedrock", "bedrock-batch", "bedrock-provisioned", "policy", found "azure"$/,
    ],
    ["policy", "policy-syntax.yaml", { line: 4 }, /invalid YAML: Flow map .* must be sufficiently indented/],
    [
      "policy",
      "policy-unknown-key.yaml",
      // No known key is close to "latency": no suggestion.
      { line: 6, field: "targets.bedrock-sonnet.latency" },
      /unknown key "latency" \(check the spelling; unknown keys are not allowed\)$/,
    ],
    [
      "policy",
      "policy-wrong-type.yaml",
      { line: 6, field: "targets.bedrock-sonnet.performance" },
      /expected number, found "high"$/,
    ],
    [
      "policy",
      "policy-missing-default.yaml",
      { line: 1, field: "default" },
      /expected object, found nothing \(required\)$/,
    ],
    [
      "policy",
      "policy-misspelt-default.yaml",
      // Reported before the missing "default" it causes, at line 7 (not line 1).
      { line: 7, field: "defualt" },
      /unknown key "defualt"; did you mean "default"\? \(unknown keys are not allowed\)$/,
    ],
    [
      "policy",
      "policy-unknown-target.yaml",
      { line: 9, field: "rules[0].route.target" },
      /unknown target "bedrock-sonet"; the policy's targets are bedrock-sonnet$/,
    ],
    [
      "policy",
      "policy-fallback-cycle.yaml",
      { line: 10, field: "fallbacks.bedrock-sonnet" },
      /fallback cycle: bedrock-sonnet -> openai-gpt5 -> bedrock-sonnet$/,
    ],
    [
      "pricing",
      "pricing-negative.yaml",
      { line: 6, field: "models[0].output" },
      /expected a price >= 0 \(USD per 1M tokens\), found -2$/,
    ],
    [
      "pricing",
      "pricing-string.yaml",
      { line: 5, field: "models[0].input" },
      /expected number, found "\$1.00"$/,
    ],
    [
      "answers",
      "answers-unknown-key.yaml",
      { line: 14, field: "constraints.regoins" },
      /unknown key "regoins"; did you mean "regions"\?/,
    ],
    [
      "answers",
      "answers-wrong-type.yaml",
      { line: 4, field: "workload.requests_per_day" },
      /expected number, found "lots"$/,
    ],
  ];

  it.each(cases)("%s: %s", async (kind, name, at, message) => {
    await expectRejected(kind, `${BAD}/${name}`, at, message);
  });
});

// A heap far below what expanding the input would need: an attempt to build it crashes (exit 134), not 2.
const SMALL_HEAP = { NODE_OPTIONS: "--max-old-space-size=48" };
// Generous: a refusal takes well under a second, an expansion would not end. Past it the run is killed and
// has no exit code, so the test fails; this bounds a hang, it does not time the refusal.
const HANG_MS = 20_000;

function expectRefusedFast(kind: Kind, file: string, at: Omit<ExpectedLocation, "file">, message: RegExp) {
  const result = runCli(argsFor(kind, file, tempFiles({})), { env: SMALL_HEAP, timeoutMs: HANG_MS });
  expectLocatedError(result, { file, ...at }, message);
}

describe("resource exhaustion: refused fast, in bounded memory", () => {
  // Nine levels of nine aliases each would expand to 9^9 (387 million) strings.
  it.each(["scenario", "policy", "pricing", "answers"] as const)(
    "a billion-laughs alias bomb as %s",
    (kind) => {
      expectRefusedFast(
        kind,
        `${BAD}/alias-bomb.yaml`,
        {},
        /invalid YAML: .*resource exhaustion.* \(aliases are limited to 100 expansions\)$/,
      );
    },
  );

  const DEEP = 100_000;
  const deep: [string, string, number][] = [
    ["flow brackets", `version: 1\nx: ${"[".repeat(DEEP)}${"]".repeat(DEEP)}\n`, 2],
    ["compact block sequences on one line", `version: 1\nx:\n  ${"- ".repeat(DEEP)}1\n`, 3],
    ["complex keys on one line", `version: 1\n${"? ".repeat(DEEP)}x\n`, 2],
    [
      // Line 2 + i holds key i at indentation i; two spaces a level, so key 130 on line 132 is level 65.
      "indentation",
      `version: 1\n${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")}\n`,
      132,
    ],
  ];
  it.each(deep)("very deep nesting: %s", (_, text, line) => {
    const file = join(tempFiles({ "deep.yaml": text }), "deep.yaml");
    expectRefusedFast("scenario", file, { line }, /expected at most 64 levels of nesting, found more/);
  });

  it("deep JSON given as a pricing file", () => {
    const file = join(
      tempFiles({ "deep.json": `{"a": ${"[".repeat(DEEP)}${"]".repeat(DEEP)}}` }),
      "deep.json",
    );
    expectRefusedFast("pricing", file, { line: 1 }, /expected at most 64 levels of nesting, found more/);
  });
});
