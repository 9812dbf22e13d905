// Issue 17, item 1: --output, --decisions and the wizard's files never destroy an input, a device, a FIFO or
// a symlink. Through the binary. Devices are made with mknod in a temporary folder (never /dev itself), so a
// regression replaces a throwaway node, not the machine's /dev/null.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expectCleanError, ROOT, runCli, tempFiles } from "../cli.js";

const WEEK = join(ROOT, "fixtures/traffic/saas-assistant-week.csv");
const POLICY = join(ROOT, "fixtures/policies/seed-hybrid.yaml");
const ANSWERS = join(ROOT, "fixtures/wizard/saas-assistant.answers.yaml");
const isRoot = process.getuid?.() === 0;

/** A folder with copies of the week's traffic and the seed policy, to be attacked. */
function workspace(): { dir: string; traffic: string; policy: string } {
  const dir = tempFiles({});
  copyFileSync(WEEK, join(dir, "in.csv"));
  copyFileSync(POLICY, join(dir, "policy.yaml"));
  return { dir, traffic: join(dir, "in.csv"), policy: join(dir, "policy.yaml") };
}

function mknod(path: string, major: number, minor: number): void {
  const made = spawnSync("mknod", [path, "c", String(major), String(minor)]);
  if (made.status !== 0) throw new Error(`mknod failed: ${made.stderr}`);
}

describe("an output that is an input (or another output) is refused before the run", () => {
  it("project -t in.csv -o in.csv: exit 2, the traffic log untouched", () => {
    const { traffic } = workspace();
    const result = runCli(["project", "-t", traffic, "-o", traffic]);
    expectCleanError(result);
    expect(result.stderr).toMatch(/cannot be written \(--output\): it is the input file .*in\.csv/);
    expect(readFileSync(traffic, "utf8")).toBe(readFileSync(WEEK, "utf8"));
  });

  it("route -o policy.yaml, --decisions in.csv, and the same file through a symlink", () => {
    const { dir, traffic, policy } = workspace();
    symlinkSync("in.csv", join(dir, "alias.csv"));
    for (const [flag, path] of [
      ["-o", policy],
      ["--decisions", traffic],
      ["--decisions", join(dir, "alias.csv")],
    ] as const) {
      const result = runCli(["route", "--dry-run", "-t", traffic, "-P", policy, flag, path, "-q"]);
      expectCleanError(result);
      expect(result.stderr).toMatch(/it is the input file/);
    }
    expect(readFileSync(traffic, "utf8")).toBe(readFileSync(WEEK, "utf8"));
    expect(readFileSync(policy, "utf8")).toBe(readFileSync(POLICY, "utf8"));
    expect(readdirSync(dir).sort()).toEqual(["alias.csv", "in.csv", "policy.yaml"]);
  });

  it("--decisions X -o X: exit 2 instead of silently losing the decisions", () => {
    const { dir, traffic, policy } = workspace();
    const out = join(dir, "same.csv");
    const result = runCli(["route", "--dry-run", "-t", traffic, "-P", policy, "--decisions", out, "-o", out]);
    expectCleanError(result);
    expect(result.stderr).toMatch(/--output already writes to .*same\.csv; give each output its own path/);
    expect(readdirSync(dir).sort()).toEqual(["in.csv", "policy.yaml"]);
  });

  it("wizard: --answers inside --out-dir under a file name the wizard writes", () => {
    const dir = tempFiles({});
    const answers = join(dir, "llmcost.policy.yaml");
    copyFileSync(ANSWERS, answers);
    const result = runCli(["wizard", "--answers", answers, "--out-dir", dir, "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/it is the input file/);
    expect(readFileSync(answers, "utf8")).toBe(readFileSync(ANSWERS, "utf8"));
  });

  it("wizard --out-dir naming an existing file: exit 2, not an internal error", () => {
    const { traffic } = workspace();
    const result = runCli(["wizard", "--answers", ANSWERS, "--out-dir", traffic, "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be used as --out-dir: it is a file, not a folder/);
  });
});

describe("what is at the output path keeps its kind", () => {
  it("a symlink stays a symlink; its target gets the report", () => {
    const { dir, traffic } = workspace();
    writeFileSync(join(dir, "target.json"), "old\n");
    symlinkSync("target.json", join(dir, "link.json"));
    const result = runCli(["project", "-t", traffic, "-f", "json", "-o", join(dir, "link.json"), "-q"]);
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe("target.json");
    expect(JSON.parse(readFileSync(join(dir, "target.json"), "utf8")).schema_version).toBe(2);
  });

  it("a FIFO stays a FIFO and its reader gets the report", () => {
    const { dir, traffic } = workspace();
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // The shell reads the FIFO in the background while llmcost writes it.
    const shell = spawnSync(
      "sh",
      [
        "-c",
        `cat "$1" > "$2" & node "$3" project -t "$4" -f json -o "$1" -q; s=$?; wait; exit $s`,
        "sh",
        fifo,
        join(dir, "got.json"),
        join(ROOT, "bin/llmcost.js"),
        traffic,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(shell.status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "got.json"), "utf8")).schema_version).toBe(2);
  });

  it.skipIf(!isRoot)("a character device (a private null device) stays a device", () => {
    const { dir, traffic, policy } = workspace();
    const nul = join(dir, "null");
    mknod(nul, 1, 3);
    expect(runCli(["project", "-t", traffic, "-o", nul, "-q"]).code).toBe(0);
    expect(
      runCli(["route", "--dry-run", "-t", traffic, "-P", policy, "--decisions", nul, "-o", nul, "-q"]).code,
    ).toBe(0);
    expect(statSync(nul).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["in.csv", "null", "policy.yaml"]);
  });
});

describe("standard streams named as outputs", () => {
  it("-o /dev/stderr when stderr is a pipe: the report goes down the pipe", () => {
    const result = runCli(["project", "-t", WEEK, "-f", "json", "-o", "/dev/stderr", "-q"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(result.stderr).schema_version).toBe(2);
  });

  it("-o /dev/stdout writes to standard output", () => {
    const result = runCli(["project", "-t", WEEK, "-f", "json", "-o", "/dev/stdout", "-q"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schema_version).toBe(2);
  });
});

describe("full devices and compressed names", () => {
  it.skipIf(!isRoot)("--decisions onto a full device (ENOSPC): exit 2, located, no stack", () => {
    const { dir, traffic, policy } = workspace();
    const full = join(dir, "full");
    mknod(full, 1, 7);
    const result = runCli(["route", "--dry-run", "-t", traffic, "-P", policy, "--decisions", full, "-q"]);
    expectCleanError(result);
    expect(result.stderr).toBe(`llmcost: ${full}: cannot be written: no space left on the device\n`);
  });

  it.skipIf(!isRoot)("a full standard output: exit 2 with one line, no stack trace", () => {
    const { dir, traffic } = workspace();
    const full = join(dir, "full");
    mknod(full, 1, 7);
    const fd = openSync(full, "w");
    try {
      const result = spawnSync(
        process.execPath,
        [join(ROOT, "bin/llmcost.js"), "project", "-t", traffic, "-q"],
        {
          stdio: ["ignore", fd, "pipe"],
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        "llmcost: standard output: cannot be written: no space left on the device\n",
      );
    } finally {
      closeSync(fd);
    }
  });

  it("--decisions x.csv.gz is gzip, with every decision", () => {
    const { dir, traffic, policy } = workspace();
    const out = join(dir, "d.csv.gz");
    expect(runCli(["route", "--dry-run", "-t", traffic, "-P", policy, "--decisions", out, "-q"]).code).toBe(
      0,
    );
    const lines = gunzipSync(readFileSync(out)).toString("utf8").trimEnd().split("\n");
    // A header, then one line per request of the week's 4,000.
    expect(lines[0]).toMatch(/^request_id,timestamp,rule,/);
    expect(lines.length).toBe(1 + 4000);
  });
});

describe("prepareOutputs (no command takes a folder as input today, so this is checked directly)", () => {
  it("refuses an output inside a folder given as an input, and accepts one beside it", async () => {
    const { prepareOutputs } = await import("../../src/io/output.js");
    const dir = tempFiles({});
    mkdirSync(join(dir, "inputs"));
    expect(() =>
      prepareOutputs([join(dir, "inputs")], [{ file: join(dir, "inputs", "r.json"), flag: "--output" }]),
    ).toThrow(/is inside the input folder/);
    expect(
      prepareOutputs([join(dir, "inputs")], [{ file: join(dir, "r.json"), flag: "--output" }])[0]?.kind,
    ).toBe("atomic");
  });
});
