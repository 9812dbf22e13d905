// The layout as a contract: which folders of src/ may import which. Import cycles are Biome's
// (noImportCycles, type imports counted); this pins the direction of the layers described in README's
// Architecture section.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli.js";

const SRC = join(ROOT, "src");

/** Every .ts file under src/, relative to src/ (e.g. `cost/analyzer.ts`). */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => file.split("\\").join("/"));
}

/** A relative specifier as a src-relative `.ts` path; a package or `node:` name as it is. */
function resolveSpecifier(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return relative(SRC, resolve(SRC, dirname(file), specifier))
    .split("\\")
    .join("/")
    .replace(/\.js$/, ".ts");
}

/** The modules a file imports, statically or lazily: src-relative paths, or `node:…` names. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import\(?)\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
  return specifiers.map((specifier) => resolveSpecifier(file, specifier));
}

/** `cost/analyzer.ts` → `cost`; a file at the top of src/ is its own layer (`cli.ts`). */
function layerOf(path: string): string {
  return path.includes("/") ? (path.split("/")[0] ?? path) : path;
}

const edges = sourceFiles().flatMap((file) =>
  importsOf(file).map((target) => ({ file, from: layerOf(file), target, to: layerOf(target) })),
);

/** Imports from `from` into any of `forbidden` layers (or node: modules when listed as "node:"). */
function violations(from: string, forbidden: readonly string[]): string[] {
  return edges
    .filter((e) => e.from === from)
    .filter((e) => forbidden.some((f) => (f === "node:" ? e.target.startsWith("node:") : e.to === f)))
    .map((e) => `${e.file} imports ${e.target}`);
}

describe("the layers of src/", () => {
  it("only src/cli.ts imports a command", () => {
    const outside = edges.filter((e) => e.to === "commands" && e.from !== "commands" && e.file !== "cli.ts");
    expect(outside.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
  });

  it("a command's declaration never imports its runner", () => {
    const declarations = edges.filter((e) => e.file.endsWith("/command.ts") && e.target.endsWith("/run.ts"));
    expect(declarations.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
  });

  it("the domain (cost, routing) does no I/O and knows nothing of files, terminals or reports", () => {
    for (const layer of ["cost", "routing"]) {
      expect(
        violations(layer, ["node:", "io", "terminal", "report", "pipeline", "commands", "wizard", "cli.ts"]),
      ).toEqual([]);
    }
  });

  it("renderers return strings: report/ reads no files and prints nothing", () => {
    expect(violations("report", ["node:", "io", "terminal", "pipeline", "commands", "wizard"])).toEqual([]);
  });

  it("the terminal layer imports no command, pipeline or wizard", () => {
    expect(violations("terminal", ["commands", "pipeline", "wizard", "cli.ts"])).toEqual([]);
  });

  it("pipelines are called by runners and the wizard, never the other way round", () => {
    expect(violations("pipeline", ["commands", "wizard", "terminal", "cli.ts"])).toEqual([]);
  });
});

/** Modules a file loads when it is loaded: static value imports (not `import type`, not `import()`). */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const specifiers = [...text.matchAll(/^import (?!type )[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)].map(
    (m) => m[1] ?? m[2] ?? "",
  );
  return specifiers.map((specifier) => resolveSpecifier(file, specifier));
}

describe("start-up", () => {
  it("`llmcost --version` and `--help` load no parser, schema or chart library (runners are imported on use)", () => {
    const heavy = [
      "zod",
      "yaml",
      "papaparse",
      "@observablehq/plot",
      "linkedom",
      "re2js",
      "@inquirer/prompts",
    ];
    const seen = new Set<string>();
    const pending = ["cli.ts"];
    const found: string[] = [];
    while (pending.length > 0) {
      const file = pending.pop() ?? "";
      if (seen.has(file)) continue;
      seen.add(file);
      for (const target of staticImportsOf(file)) {
        if (heavy.includes(target)) found.push(`${file} imports ${target}`);
        else if (target.endsWith(".ts")) pending.push(target);
      }
    }
    expect(found).toEqual([]);
  });
});
