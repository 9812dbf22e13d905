// The plumbing under `--traffic` (issue 11): which files a folder or glob names, in what order, and the
// format names --help lists.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INPUT_FORMATS } from "../../src/traffic/format-names.js";
import { LOG_FORMATS } from "../../src/traffic/formats/index.js";
import { CANONICAL_FORMAT } from "../../src/traffic/sniff.js";
import { resolveTrafficSources } from "../../src/traffic/sources.js";
import { tempFiles } from "../cli.js";

describe("resolveTrafficSources", () => {
  it("lists a folder recursively in path order, skips hidden files and counts data/ objects", async () => {
    const dir = tempFiles({ "b.jsonl": "", "a.jsonl": "", ".hidden": "" });
    mkdirSync(join(dir, "z", "data"), { recursive: true });
    writeFileSync(join(dir, "z", "c.jsonl"), "");
    writeFileSync(join(dir, "z", "data", "body.json"), "");
    const sources = await resolveTrafficSources([dir]);
    expect(sources.files).toEqual([join(dir, "a.jsonl"), join(dir, "b.jsonl"), join(dir, "z", "c.jsonl")]);
    expect(sources.skippedBodies).toBe(1);
  });

  it("keeps argument order across values and reads a file named twice once", async () => {
    const dir = tempFiles({ "a.csv": "", "b.csv": "" });
    const sources = await resolveTrafficSources([join(dir, "b.csv"), join(dir, "*.csv")]);
    expect(sources.files).toEqual([join(dir, "b.csv"), join(dir, "a.csv")]);
  });

  it("refuses an empty folder and a missing file", async () => {
    const dir = tempFiles({});
    await expect(resolveTrafficSources([dir])).rejects.toThrow("is a folder with no files in it");
    await expect(resolveTrafficSources([join(dir, "missing.csv")])).rejects.toThrow("file not found");
  });
});

it("--input-format lists llmcost's CSV and every log format, in detection order", () => {
  expect([...INPUT_FORMATS]).toEqual([CANONICAL_FORMAT, ...LOG_FORMATS.map((format) => format.name)]);
});
