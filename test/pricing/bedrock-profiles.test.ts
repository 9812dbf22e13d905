// Issue 10: a Bedrock inference profile the model is not offered through is the input's error, located where
// it was asked for. AWS offers Claude Opus 4.1 and Claude 3 Haiku in-region and through geo profiles (us.,
// eu., ...), never global. (catalog `profiles`, from the sources' profile-prefixed ids)
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectLocatedError, runCli, tempFiles } from "../cli.js";

const OPUS_41 = "anthropic.claude-opus-4-1-20250805-v1:0";
const HAIKU_3 = "anthropic.claude-3-haiku-20240307-v1:0";
const HEADER = "timestamp,request_id,provider,model,input_tokens,output_tokens";
const POLICY = (model: string) =>
  [
    "version: 1",
    "targets:",
    "  bedrock:",
    "    provider: bedrock",
    `    model: ${model}`,
    "default:",
    "  route: { target: bedrock }",
    "",
  ].join("\n");

describe("an impossible Bedrock profile", () => {
  it("in a traffic row (route): names the file, the row, the field and the profiles AWS offers", () => {
    const dir = tempFiles({
      "t.csv": `${HEADER}\n2026-08-01T00:00:00Z,a,bedrock,us.${OPUS_41},10,10\n2026-08-01T00:00:01Z,b,bedrock,global.${OPUS_41},10,10\n`,
      "p.yaml": POLICY(`us.${OPUS_41}`),
    });
    const traffic = join(dir, "t.csv");
    const result = runCli([
      "route",
      "--dry-run",
      "-t",
      traffic,
      "-P",
      join(dir, "p.yaml"),
      "--as-of",
      "2026-08-01",
    ]);
    expectLocatedError(
      result,
      { file: traffic, row: 2, field: "model" },
      /asks for the global\. profile, which AWS does not offer.*in-region \(the plain id\), us\. \(geo\), eu\. \(geo\)/,
    );
  });

  it("in a traffic row (project): the first row with that id", () => {
    const dir = tempFiles({
      "t.csv": `${HEADER}\n2026-08-01T00:00:00Z,a,bedrock,${HAIKU_3},10,10\n2026-08-01T00:00:01Z,b,bedrock,global.${HAIKU_3},10,10\n2026-08-01T00:00:02Z,c,bedrock,global.${HAIKU_3},10,10\n`,
    });
    const traffic = join(dir, "t.csv");
    const result = runCli(["project", "-t", traffic, "--as-of", "2026-08-01"]);
    expectLocatedError(result, { file: traffic, row: 2, field: "model" }, /global\. profile.*us\. \(geo\)/);
  });

  it("in a policy target: names the line and field", () => {
    const dir = tempFiles({
      "t.csv": `${HEADER}\n2026-08-01T00:00:00Z,a,bedrock,${HAIKU_3},10,10\n`,
      "p.yaml": POLICY(`global.${HAIKU_3}`),
    });
    const policy = join(dir, "p.yaml");
    const result = runCli([
      "route",
      "--dry-run",
      "-t",
      join(dir, "t.csv"),
      "-P",
      policy,
      "--as-of",
      "2026-08-01",
    ]);
    expectLocatedError(result, { file: policy, line: 5, field: "targets.bedrock.model" }, /AWS offers/);
  });

  const GLOBAL_ONLY = [
    "version: 1",
    "name: global only",
    "options:",
    "  - id: direct",
    "    kind: direct",
    "  - id: bedrock",
    "    kind: bedrock",
    "    inference_profile: global",
    "",
  ].join("\n");

  it("in a scenario option's inference_profile, for a model that costs the same everywhere: an assumption", () => {
    const dir = tempFiles({
      "t.csv": `${HEADER}\n2026-08-01T00:00:00Z,a,anthropic,claude-opus-4-1-20250805,10,10\n`,
      "s.yaml": GLOBAL_ONLY,
    });
    const args = ["project", "-t", join(dir, "t.csv"), "-s", join(dir, "s.yaml"), "--as-of", "2026-07-01"];
    const result = runCli([...args, "--format", "json", "--strict"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    const stated = report.assumptions.find((a: string) =>
      a.startsWith('option "bedrock": inference profile'),
    );
    expect(stated).toMatch(
      /^option "bedrock": inference profile "global" is not offered for bedrock\/anthropic\.claude-opus-4-1-20250805-v1:0; AWS offers .* through in-region \(the plain id\), us\. \(geo\).*; deployed through those, which cost the same as global for this model$/,
    );
  });

  it("in a scenario option's inference_profile, for a model whose other profiles cost more: a warning at its line, an error with --strict", () => {
    // A model offered in-region only, at a 10% regional uplift: priced at global it would be 10% too cheap.
    const pricing = [
      "version: 1",
      "models:",
      "  - provider: bedrock",
      "    model: acme.regional-v1:0",
      "    profiles: [in_region]",
      "    profile_multipliers: { global: 1, in_region: 1.1 }",
      "    input: 1",
      "    output: 2",
      "    source: test",
      "    as_of: 2026-06-01",
      "",
    ].join("\n");
    const dir = tempFiles({
      "t.csv": `${HEADER}\n2026-06-02T00:00:00Z,a,bedrock,acme.regional-v1:0,10,10\n`,
      "s.yaml": GLOBAL_ONLY,
      "p.yaml": pricing,
    });
    const file = join(dir, "s.yaml");
    const args = [
      "project",
      "-t",
      join(dir, "t.csv"),
      "-s",
      file,
      "-p",
      join(dir, "p.yaml"),
      "--as-of",
      "2026-07-01",
    ];
    const warned = runCli([...args, "--format", "json"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(
      `warning: ${file}:8, field "options[1].inference_profile": option "bedrock": inference profile "global" is not offered for bedrock/acme.regional-v1:0`,
    );
    expectLocatedError(
      runCli([...args, "--strict"]),
      { file, line: 8, field: "options[1].inference_profile" },
      /not offered for bedrock\/acme\.regional-v1:0; AWS offers .* through in-region \(the plain id\)/,
    );
  });
});
