// Writing the wizard's files: a refused overwrite leaves every file as it was; --yes replaces them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { rerunCommands, writeWizardFiles } from "../../src/wizard/write-files.js";
import { tempFiles } from "../cli.js";
import { ScriptedPrompter } from "./scripted-prompter.js";

function setup() {
  const dir = tempFiles({ "llmcost.scenario.yaml": "mine\n" });
  const files = [
    { path: join(dir, "llmcost.scenario.yaml"), content: "new scenario\n" },
    { path: join(dir, "llmcost.policy.yaml"), content: "new policy\n" },
  ];
  return { dir, files };
}

describe("writing the files", () => {
  it("asks before overwriting; a refusal writes nothing at all", async () => {
    const { dir, files } = setup();
    const prompter = new ScriptedPrompter({ Overwrite: [false] });
    const outcome = await writeWizardFiles(dir, files, { yes: false, prompter });
    expect(outcome).toEqual({ refused: [join(dir, "llmcost.scenario.yaml")] });
    expect(prompter.asked).toEqual([`Overwrite ${join(dir, "llmcost.scenario.yaml")}?`]);
    expect(readFileSync(join(dir, "llmcost.scenario.yaml"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["llmcost.scenario.yaml"]);
  });

  it("overwrites when the user agrees, or with --yes without asking", async () => {
    const agreed = setup();
    await writeWizardFiles(agreed.dir, agreed.files, {
      yes: false,
      prompter: new ScriptedPrompter({ Overwrite: [true] }),
    });
    expect(readFileSync(join(agreed.dir, "llmcost.scenario.yaml"), "utf8")).toBe("new scenario\n");
    const forced = setup();
    const prompter = new ScriptedPrompter();
    await writeWizardFiles(forced.dir, forced.files, { yes: true, prompter });
    expect(prompter.asked).toEqual([]);
    expect(readdirSync(forced.dir).sort()).toEqual(["llmcost.policy.yaml", "llmcost.scenario.yaml"]);
  });

  it("without a terminal to ask on, existing files need --yes", async () => {
    const { dir, files } = setup();
    await expect(writeWizardFiles(dir, files, { yes: false, prompter: undefined })).rejects.toThrow(
      UsageError,
    );
    expect(readFileSync(join(dir, "llmcost.scenario.yaml"), "utf8")).toBe("mine\n");
  });

  it("creates the output folder and prints commands that paste into a shell", async () => {
    const dir = join(tempFiles({}), "new folder");
    await writeWizardFiles(dir, [{ path: join(dir, "a.yaml"), content: "a\n" }], {
      yes: false,
      prompter: undefined,
    });
    expect(readdirSync(dir)).toEqual(["a.yaml"]);
    expect(
      rerunCommands({ traffic: "my dir/t.csv", scenario: "s.yaml", policy: "p.yaml" }, ["it's.yaml"]),
    ).toEqual([
      "llmcost project --traffic 'my dir/t.csv' --scenario s.yaml --pricing 'it'\\''s.yaml'",
      "llmcost route --dry-run --traffic 'my dir/t.csv' --policy p.yaml --pricing 'it'\\''s.yaml'",
    ]);
  });
});
