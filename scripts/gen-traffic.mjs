#!/usr/bin/env node
import { once } from "node:events";
// Seeded synthetic traffic in the canonical columns, for fixtures and benchmarks.
//   node scripts/gen-traffic.mjs --rows N --days D --seed S --out FILE
// Deterministic: the same arguments always give the same bytes. Written through a buffered stream so
// a 5M-row file takes seconds, not minutes.
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000" },
    days: { type: "string", default: "7" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    start: { type: "string", default: "2025-06-02T00:00:00Z" },
  },
});
const rows = Number(values.rows);
const days = Number(values.days);
const seed = Number(values.seed);
const startMs = Date.parse(values.start);
if (!Number.isInteger(rows) || rows < 1) fail("--rows must be a positive integer");
if (!(days > 0)) fail("--days must be a positive number");
if (!Number.isInteger(seed)) fail("--seed must be an integer");
if (!values.out) fail("--out FILE is required");
if (Number.isNaN(startMs)) fail("--start must be an ISO 8601 timestamp");

function fail(message) {
  process.stderr.write(`gen-traffic: ${message}\n`);
  process.exit(2);
}

// mulberry32: tiny, fast and good enough for synthetic traffic.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
// Log-normal-ish token counts: most requests small, a long tail.
const skewed = (median, spread) => Math.max(1, Math.round(median * Math.exp((random() - 0.5) * spread)));
function pick(weighted) {
  let r = random() * weighted.total;
  for (const [item, weight] of weighted.items) {
    r -= weight;
    if (r < 0) return item;
  }
  return weighted.items[weighted.items.length - 1][0];
}
const weights = (items) => ({ items, total: items.reduce((sum, [, w]) => sum + w, 0) });

const MODELS = {
  "gpt-4o": "openai",
  "gpt-4o-mini": "openai",
  "gpt-4.1": "openai",
  "claude-sonnet-4-5": "anthropic",
  "claude-haiku-4-5": "anthropic",
  "claude-3-5-haiku": "anthropic",
};
const USE_CASES = weights([
  ["chat", 45],
  ["summarize", 15],
  ["rag_qa", 25],
  ["classification", 15],
]);
const MODELS_BY_USE_CASE = {
  chat: weights([
    ["gpt-4o", 30],
    ["claude-sonnet-4-5", 30],
    ["gpt-4o-mini", 25],
    ["gpt-4.1", 15],
  ]),
  summarize: weights([
    ["claude-haiku-4-5", 40],
    ["gpt-4o-mini", 35],
    ["claude-sonnet-4-5", 25],
  ]),
  rag_qa: weights([
    ["claude-sonnet-4-5", 50],
    ["gpt-4.1", 30],
    ["gpt-4o", 20],
  ]),
  classification: weights([
    ["claude-3-5-haiku", 50],
    ["gpt-4o-mini", 50],
  ]),
};
const SENSITIVITY = weights([
  ["high", 30],
  ["medium", 50],
  ["low", 20],
]);
const BUDGET_BY_USE_CASE = { chat: 3000, summarize: 30000, rag_qa: 8000, classification: 1000 };
const TENANTS = weights([
  ["acme", 40],
  ["globex", 25],
  ["initech", 20],
  ["umbrella", 10],
  ["hooli", 5],
]);

function tokens(useCase) {
  switch (useCase) {
    case "chat": {
      const input = skewed(1800, 2.5);
      return {
        input,
        output: skewed(350, 2),
        cacheRead: random() < 0.3 ? Math.floor(input * 0.5) : 0,
        cacheWrite: 0,
      };
    }
    case "summarize":
      return { input: skewed(6000, 2), output: skewed(1200, 1.5), cacheRead: 0, cacheWrite: 0 };
    case "rag_qa": {
      // A few prompts beyond 200K tokens so long-context tiers show up in reports.
      const input = random() < 0.01 ? int(200_001, 400_000) : skewed(24_000, 2.5);
      const cacheRead = random() < 0.6 ? Math.floor(input * (0.4 + random() * 0.4)) : 0;
      const cacheWrite = cacheRead === 0 && random() < 0.3 ? Math.floor(input * 0.5) : 0;
      return { input, output: skewed(450, 1.5), cacheRead, cacheWrite };
    }
    default:
      return { input: skewed(300, 1.5), output: int(1, 8), cacheRead: 0, cacheWrite: 0 };
  }
}

// Timestamps: ascending over exactly `days`, denser in working hours (a daily rhythm). Row i sits at the
// (i + jitter) / rows quantile of the cumulative activity, tabulated per minute, so rows stay sorted.
const spanMs = days * 86_400_000;
function dailyWeight(ms) {
  const hour = (ms / 3_600_000) % 24;
  return 0.25 + Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)) * 1.75;
}
const minutes = Math.ceil(spanMs / 60_000);
const cumulative = new Float64Array(minutes + 1);
for (let m = 0; m < minutes; m++) cumulative[m + 1] = cumulative[m] + dailyWeight(m * 60_000);
let minute = 0;
function timestampOf(i) {
  const target = ((i + random()) / rows) * cumulative[minutes];
  while (minute < minutes - 1 && cumulative[minute + 1] < target) minute++;
  const within = (target - cumulative[minute]) / (cumulative[minute + 1] - cumulative[minute]);
  return startMs + Math.min(spanMs - 1, Math.floor((minute + Math.min(1, Math.max(0, within))) * 60_000));
}

const HEADER =
  "timestamp,request_id,provider,model,region,use_case,input_tokens,output_tokens,cache_read_tokens," +
  "cache_write_tokens,requests,latency_ms,status,requires_compliance,latency_budget_ms,cost_sensitivity," +
  "requires_latest,tenant\n";

const out = createWriteStream(values.out, { highWaterMark: 1 << 20 });
out.write(HEADER);
let buffer = "";
for (let i = 0; i < rows; i++) {
  const timestamp = timestampOf(i);
  const useCase = pick(USE_CASES);
  const model = pick(MODELS_BY_USE_CASE[useCase]);
  const t = tokens(useCase);
  const region = random() < 0.7 ? "us-east-1" : "eu-west-1";
  const compliance = region === "eu-west-1" ? random() < 0.5 : random() < 0.05;
  const latest = random() < 0.08;
  const status = random() < 0.015 ? (random() < 0.5 ? "error" : "timeout") : "ok";
  const latency = Math.round(
    200 + t.output * (model.includes("mini") || model.includes("haiku") ? 8 : 20) * (0.6 + random()),
  );
  buffer +=
    `${new Date(timestamp).toISOString()},req-${seed}-${i.toString(36)},${MODELS[model]},${model},${region},` +
    `${useCase},${t.input},${t.output},${t.cacheRead},${t.cacheWrite},1,${latency},${status},` +
    `${compliance},${BUDGET_BY_USE_CASE[useCase]},${pick(SENSITIVITY)},${latest},${pick(TENANTS)}\n`;
  if (buffer.length > 1 << 16) {
    if (!out.write(buffer)) await once(out, "drain");
    buffer = "";
  }
}
out.end(buffer);
await once(out, "finish");
