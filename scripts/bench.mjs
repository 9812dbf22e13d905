#!/usr/bin/env node
// `npm run bench`: llmcost beside DuckDB on seeded synthetic traffic, as whole processes, several runs
// each, interleaved so that load from other work on the machine hits every command alike. Prints medians,
// ratios against the targets of issue 6 and each run's peak RSS; writes bench-results/latest.json and
// (for full runs) appends one line to bench-results/history.jsonl so results can be compared over time.
//   node scripts/bench.mjs [--runs N] [--rows 1000000,5000000] [--logs 1000000] [--logs-only] [--quick]
//                          [--out FILE] [--keep]
// The generated CSVs and logs live in a temp folder that is deleted at the end (never committed). Issue 11:
// `--logs N` Bedrock invocation records (gzip JSON lines, 100 files) read by `project` beside DuckDB's
// read_json on the same files; `--logs-only` runs just that part.
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    rows: { type: "string" },
    quick: { type: "boolean", default: false },
    out: { type: "string", default: join(root, "bench-results", "latest.json") },
    keep: { type: "boolean", default: false },
    logs: { type: "string" },
    "logs-only": { type: "boolean", default: false },
  },
});
const quick = values.quick;
const logRecords = Number(values.logs ?? (quick ? 100_000 : 1_000_000));
const logsOnly = values["logs-only"];
if (!Number.isInteger(logRecords) || logRecords < 100) fail("--logs must be a whole number of at least 100");
const runs = Number(values.runs ?? (quick ? 1 : 3));
const rowCounts = (values.rows ?? (quick ? "100000,500000" : "1000000,5000000")).split(",").map(Number);
if (!Number.isInteger(runs) || runs < 1) fail("--runs must be a positive integer");
if (rowCounts.some((n) => !Number.isInteger(n) || n < 1))
  fail("--rows must be positive integers, comma-separated");

/** Ends the run after the logs part (`--logs-only`). */
class LogsOnly extends Error {}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);
const cli = join(root, "bin", "llmcost.js");
const policies = {
  "route seed-hybrid": join(root, "fixtures", "policies", "seed-hybrid.yaml"),
  "route failover-drill": join(root, "fixtures", "policies", "failover-drill.yaml"),
};
const work = mkdtempSync(join(tmpdir(), "llmcost-bench-"));
const rssFile = join(work, "rss.txt");

/** Runs one command to completion: wall time (ms) and the peak RSS (MB) that GNU time reports for it. */
function measure(command, args) {
  const argv = hasTime ? ["-f", "%M", "-o", rssFile, command, ...args] : args;
  return new Promise((done, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(hasTime ? TIME : command, argv, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${stderr}`));
        return;
      }
      const rssMb = hasTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : null;
      done({ ms, rssMb });
    });
  });
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs every case `count` times, round-robin, and returns medians and each run's figures. */
async function runCases(cases, count) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let run = 0; run < count; run++) {
    for (const c of cases) {
      const sample = await measure(c.command, c.args);
      samples.get(c.name).push(sample);
      process.stderr.write(
        `  ${c.name}: ${(sample.ms / 1000).toFixed(3)} s, ${sample.rssMb?.toFixed(0) ?? "?"} MB\n`,
      );
    }
  }
  const results = {};
  for (const [name, list] of samples) {
    results[name] = {
      medianMs: median(list.map((s) => s.ms)),
      peakRssMb: hasTime ? Math.max(...list.map((s) => s.rssMb)) : null,
      runs: list.map((s) => ({ ms: Math.round(s.ms), rssMb: s.rssMb === null ? null : Math.round(s.rssMb) })),
    };
  }
  return results;
}

function trafficCases(file) {
  return [
    {
      name: "llmcost project",
      command: process.execPath,
      args: [cli, "project", "--traffic", file, "--quiet", "--format", "json"],
    },
    ...Object.entries(policies).map(([name, policy]) => ({
      name: `llmcost ${name}`,
      command: process.execPath,
      args: [cli, "route", "--dry-run", "--traffic", file, "--policy", policy, "--quiet", "--format", "json"],
    })),
    {
      name: "duckdb group by model",
      command: process.execPath,
      args: [join(root, "scripts", "bench-duckdb.mjs"), file],
    },
  ];
}

const startupCases = [
  { name: "node -e 0", command: process.execPath, args: ["-e", "0"] },
  { name: "llmcost --version", command: process.execPath, args: [cli, "--version"] },
  { name: "llmcost --help", command: process.execPath, args: [cli, "--help"] },
];

function gitCommit() {
  const result = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "src", "scripts"], {
    cwd: root,
    encoding: "utf8",
  });
  return `${result.stdout.trim()}${dirty.stdout.trim() ? "+dirty" : ""}`;
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadBefore: loadavg().map((x) => Number(x.toFixed(2))),
};

const report = { date: new Date().toISOString(), commit: gitCommit(), runs, machine, sizes: {}, startup: {} };
try {
  // Issue 11: Bedrock invocation logs, 100 gzip JSON-lines objects in the S3 layout.
  const logs = join(work, "bedrock-logs");
  const files = 100;
  process.stderr.write(`generating ${logRecords} Bedrock invocation records in ${files} files...\n`);
  const genLogs = spawnSync(
    process.execPath,
    [
      join(root, "scripts", "gen-bedrock-logs.mjs"),
      "--files",
      String(files),
      "--records",
      String(Math.ceil(logRecords / files)),
      "--seed",
      "42",
      "--out",
      logs,
    ],
    { stdio: "inherit" },
  );
  if (genLogs.status !== 0) throw new Error("gen-bedrock-logs failed");
  process.stderr.write(`Bedrock logs, ${runs} run(s) each:\n`);
  report.bedrockLogs = {
    records: logRecords,
    files,
    results: await runCases(
      [
        {
          name: "llmcost project (logs)",
          command: process.execPath,
          args: [cli, "project", "--traffic", logs, "--quiet", "--format", "json"],
        },
        {
          name: "duckdb read_json",
          command: process.execPath,
          args: [join(root, "scripts", "bench-duckdb-json.mjs"), logs],
        },
      ],
      runs,
    ),
  };
  rmSync(logs, { recursive: true, force: true });
  for (const rows of logsOnly ? [] : rowCounts) {
    const file = join(work, `traffic-${rows}.csv`);
    process.stderr.write(`generating ${rows} rows...\n`);
    const gen = spawnSync(
      process.execPath,
      [
        join(root, "scripts", "gen-traffic.mjs"),
        "--rows",
        String(rows),
        "--days",
        "30",
        "--seed",
        "42",
        "--out",
        file,
      ],
      { stdio: "inherit" },
    );
    if (gen.status !== 0) throw new Error("gen-traffic failed");
    const megabytes = statSync(file).size / 1e6;
    process.stderr.write(`${rows} rows (${megabytes.toFixed(0)} MB), ${runs} run(s) each:\n`);
    report.sizes[rows] = { fileMb: Math.round(megabytes), results: await runCases(trafficCases(file), runs) };
    rmSync(file, { force: true });
  }
  if (logsOnly) throw new LogsOnly();
  // Issue 17: memory with cardinality, 1M rows with 1M distinct (unpriced) model names.
  const distinct = join(work, "distinct-models.csv");
  writeDistinctModels(distinct, quick ? 200_000 : 1_000_000);
  process.stderr.write(`distinct models, ${runs} run(s):\n`);
  report.cardinality = await runCases(
    [
      {
        name: "project, 1 model a row",
        command: process.execPath,
        args: [cli, "project", "-t", distinct, "-f", "json", "-o", join(work, "distinct.json"), "-q"],
      },
      {
        name: "route, 1 model a row",
        command: process.execPath,
        args: [
          cli,
          "route",
          "--dry-run",
          "-P",
          join(root, "fixtures/policies/seed-hybrid.yaml"),
          "-t",
          distinct,
          "-f",
          "json",
          "-o",
          join(work, "distinct-route.json"),
          "-q",
        ],
      },
    ],
    runs,
  );
  rmSync(distinct, { force: true });
  const useCases = join(work, "distinct-use-cases.csv");
  writeDistinctModels(useCases, quick ? 200_000 : 1_000_000, "use-cases");
  Object.assign(
    report.cardinality,
    await runCases(
      [
        {
          name: "project, 1 use case a row",
          command: process.execPath,
          args: [cli, "project", "-t", useCases, "-f", "json", "-o", join(work, "distinct-uc.json"), "-q"],
        },
      ],
      runs,
    ),
  );
  rmSync(useCases, { force: true });
  process.stderr.write("start-up:\n");
  report.startup = await runCases(startupCases, Math.max(runs, 5) * 2);
} catch (error) {
  if (!(error instanceof LogsOnly)) throw error;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
report.machine.loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
report.checks = checks(report);

/** `rows` rows, a minute apart, each with its own model name (none priced), or with "use-cases" one priced
 * model and each row its own use case and region. */
function writeDistinctModels(file, rows, kind = "models") {
  const lines = ["timestamp,request_id,provider,model,use_case,region,input_tokens,output_tokens"];
  const start = Date.UTC(2025, 5, 2);
  for (let i = 0; i < rows; i++) {
    const what = kind === "models" ? `acme,model-${i},,` : `openai,gpt-4o-mini,uc-${i},reg-${i}`;
    lines.push(
      `${new Date(start + i * 60_000).toISOString()},r${i},${what},${100 + (i % 50)},${10 + (i % 7)}`,
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

function logChecks(r) {
  const logs = r.bedrockLogs?.results;
  if (!logs) return [];
  const project = logs["llmcost project (logs)"];
  return [
    {
      name: `project logs / DuckDB read_json (${r.bedrockLogs.records} records)`,
      value: project.medianMs / logs["duckdb read_json"].medianMs,
      target: 3,
    },
    {
      name: `project peak RSS MB, ${r.bedrockLogs.records} log records`,
      value: project.peakRssMb,
      target: 250,
    },
  ];
}

function checks(r) {
  if (logsOnly) return round(logChecks(r));
  const [small, large] = rowCounts;
  const at = (rows, name) => r.sizes[rows]?.results[name];
  const project = at(small, "llmcost project");
  const duck = at(small, "duckdb group by model");
  const node = r.startup["node -e 0"].medianMs;
  const list = [
    {
      name: `project / DuckDB (${small} rows)`,
      value: project.medianMs / duck.medianMs,
      target: 3,
      goal: 1.5,
    },
    { name: `project peak RSS MB (${small} rows)`, value: project.peakRssMb, target: 200 },
  ];
  if (large !== undefined) {
    list.push({
      name: `project peak RSS ${large} / ${small} rows`,
      value: at(large, "llmcost project").peakRssMb / project.peakRssMb,
      target: 1.2,
    });
  }
  for (const name of Object.keys(policies)) {
    list.push({
      name: `${name} / project (${small} rows)`,
      value: at(small, `llmcost ${name}`).medianMs / project.medianMs,
      target: 1.5,
    });
  }
  list.push({
    name: "--version / node -e 0",
    value: r.startup["llmcost --version"].medianMs / node,
    target: 2,
  });
  list.push({ name: "--help / node -e 0", value: r.startup["llmcost --help"].medianMs / node, target: 2 });
  const cardinality = r.cardinality?.["project, 1 model a row"];
  if (cardinality) {
    list.push({ name: "project peak RSS MB, 1M distinct models", value: cardinality.peakRssMb, target: 400 });
  }
  const useCaseCardinality = r.cardinality?.["project, 1 use case a row"];
  if (useCaseCardinality) {
    list.push({
      name: "project peak RSS MB, 1M distinct use cases",
      value: useCaseCardinality.peakRssMb,
      target: 400,
    });
  }
  const routeCardinality = r.cardinality?.["route, 1 model a row"];
  if (routeCardinality) {
    list.push({
      name: "route peak RSS MB, 1M distinct models",
      value: routeCardinality.peakRssMb,
      target: 400,
    });
  }
  list.push(...logChecks(r));
  return round(list);
}

function round(list) {
  return list.map((c) => ({
    ...c,
    value: c.value === null || Number.isNaN(c.value) ? null : Number(c.value.toFixed(3)),
    pass: c.value !== null && c.value <= c.target,
  }));
}

function printTable(r) {
  const lines = [];
  const pad = (text, width) => String(text).padEnd(width);
  lines.push(
    `\nllmcost bench ${r.date} (${r.commit}) - ${r.machine.cpus} cores, ${r.machine.node}, load ${r.machine.loadBefore.join(" ")} -> ${r.machine.loadAfter.join(" ")}; median of ${r.runs} run(s)`,
  );
  for (const [rows, size] of Object.entries(r.sizes)) {
    lines.push(`\n${rows} rows, ${size.fileMb} MB:`);
    for (const [name, result] of Object.entries(size.results)) {
      lines.push(
        `  ${pad(name, 28)} ${pad(`${(result.medianMs / 1000).toFixed(2)} s`, 10)} peak RSS ${result.peakRssMb?.toFixed(0) ?? "?"} MB  runs ${result.runs.map((x) => `${(x.ms / 1000).toFixed(2)}s/${x.rssMb ?? "?"}MB`).join(" ")}`,
      );
    }
  }
  if (r.bedrockLogs) {
    lines.push(
      `\nBedrock invocation logs, ${r.bedrockLogs.records} records in ${r.bedrockLogs.files} gzip files:`,
    );
    for (const [name, result] of Object.entries(r.bedrockLogs.results)) {
      lines.push(
        `  ${pad(name, 28)} ${pad(`${(result.medianMs / 1000).toFixed(2)} s`, 10)} peak RSS ${result.peakRssMb?.toFixed(0) ?? "?"} MB  runs ${result.runs.map((x) => `${(x.ms / 1000).toFixed(2)}s/${x.rssMb ?? "?"}MB`).join(" ")}`,
      );
    }
  }
  if (r.cardinality) lines.push("\ndistinct models:");
  for (const [name, result] of Object.entries(r.cardinality ?? {})) {
    lines.push(
      `  ${pad(name, 28)} ${pad(`${(result.medianMs / 1000).toFixed(2)} s`, 10)} peak RSS ${result.peakRssMb?.toFixed(0) ?? "?"} MB`,
    );
  }
  lines.push("\nstart-up:");
  for (const [name, result] of Object.entries(r.startup)) {
    lines.push(
      `  ${pad(name, 28)} ${(result.medianMs).toFixed(0)} ms  peak RSS ${result.peakRssMb?.toFixed(0) ?? "?"} MB`,
    );
  }
  lines.push("\ntargets:");
  for (const c of r.checks) {
    const goal = c.goal === undefined ? "" : ` (goal ${c.goal})`;
    lines.push(
      `  ${pad(c.name, 44)} ${pad(c.value ?? "n/a", 8)} <= ${c.target}${goal}  ${c.pass ? "PASS" : "MISS"}`,
    );
  }
  if (!hasTime) lines.push("\n(no /usr/bin/time: peak RSS not measured)");
  return lines.join("\n");
}

process.stdout.write(`${printTable(report)}\n`);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
// Only full runs at the default sizes go into the history, so its lines stay comparable.
if (!quick && values.rows === undefined && !logsOnly) {
  const summary = {
    date: report.date,
    commit: report.commit,
    runs,
    machine: report.machine,
    checks: report.checks,
    medians: Object.fromEntries(
      Object.entries(report.sizes).map(([rows, s]) => [
        rows,
        Object.fromEntries(
          Object.entries(s.results).map(([n, x]) => [
            n,
            { ms: Math.round(x.medianMs), rssMb: x.peakRssMb && Math.round(x.peakRssMb) },
          ]),
        ),
      ]),
    ),
  };
  appendFileSync(join(root, "bench-results", "history.jsonl"), `${JSON.stringify(summary)}\n`);
}
process.stderr.write(`written ${values.out}\n`);
