// One line per routing decision for --decisions, as CSV (formula-safe) or JSON Lines. Lines are built
// one at a time so the caller can stream them to a file.

import { decisionReasoning, type RoutingDecision } from "../routing/decision.js";
import { roundUsd } from "./numbers.js";
import { csvCell } from "./table.js";

const DECISION_FIELDS = [
  "request_id",
  "timestamp",
  "rule",
  "reason_code",
  "target",
  "provider",
  "model",
  "reasoning",
  "confidence",
  "cost_usd",
  "logged_cost_usd",
  "cost_impact_usd",
  "fallback_path",
  "compliance_violation",
] as const;

export type DecisionFileFormat = "csv" | "jsonl";

/** The format a decisions file name asks for: `.jsonl`/`.ndjson` is JSON Lines, anything else CSV. */
export function decisionFileFormat(file: string): DecisionFileFormat {
  return /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";
}

function values(d: RoutingDecision): (string | number | boolean | null)[] {
  const money = (v: number | null) => (v === null ? null : roundUsd(v));
  return [
    d.requestId,
    d.timestampMs === undefined ? null : new Date(d.timestampMs).toISOString(),
    d.rule,
    d.reasonCode,
    d.target || null,
    d.provider || null,
    d.model || null,
    decisionReasoning(d),
    d.confidence ?? null,
    money(d.costUsd),
    money(d.loggedCostUsd),
    money(d.costImpactUsd),
    d.fallbackPath,
    d.complianceViolation,
  ];
}

export function decisionHeader(format: DecisionFileFormat): string {
  return format === "csv" ? `${DECISION_FIELDS.join(",")}\n` : "";
}

export function decisionLine(decision: RoutingDecision, format: DecisionFileFormat): string {
  const row = values(decision);
  if (format === "csv")
    return `${row.map((v) => csvCell(typeof v === "boolean" ? String(v) : v)).join(",")}\n`;
  const record: Record<string, string | number | boolean | null> = {};
  DECISION_FIELDS.forEach((field, i) => {
    record[field] = row[i] ?? null;
  });
  return `${JSON.stringify(record)}\n`;
}
