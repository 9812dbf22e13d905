// `llmcost pricing list` and `pricing show`: load the catalog, pick models, render, exit code.

import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { type AuditSources, auditCatalog } from "../../cost/audit.js";
import { todayUtc } from "../../cost/price-history.js";
import { normaliseProvider } from "../../cost/pricing-ids.js";
import { ExitCode, InputError, UsageError } from "../../errors.js";
import { readTextFile } from "../../io/files.js";
import { type GenaiModel, readGenaiPricesYaml } from "../../io/genai-prices.js";
import { emitReport, prepareOutputs } from "../../io/output.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { oneLine } from "../../printable.js";
import { chosenFormat } from "../../report/formats.js";
import { buildPricingList, buildPricingShow } from "../../report/pricing-data.js";
import { renderPricingList, renderPricingShow } from "../../report/pricing-render.js";
import { applyColorChoice, createDiagnostics } from "../../terminal/diagnostics.js";
import type { PricingAuditOptions, PricingListOptions, PricingShowOptions } from "./command.js";

export async function runPricingList(options: PricingListOptions): Promise<number> {
  applyColorChoice(options);
  const [output] = prepareOutputs(options.pricing, [{ file: options.output, flag: "--output" }]);
  const diagnostics = createDiagnostics(options);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.warn, asOf });
  const provider = options.provider !== undefined ? normaliseProvider(options.provider) : undefined;
  const report = buildPricingList(catalog.models, {
    ...(provider !== undefined ? { provider } : {}),
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
    ...(options.family !== undefined ? { family: options.family } : {}),
    asOf,
    today: new Date(),
    maxAgeDays: options.maxAgeDays,
  });
  if (provider !== undefined && !catalog.models.some((m) => m.provider === provider)) {
    const known = [...new Set(catalog.models.map((m) => m.provider))].sort().join(", ");
    throw new UsageError(
      `no models at provider "${oneLine(options.provider ?? "")}"; the catalog has: ${known}`,
    );
  }
  await emitReport(renderPricingList(report, chosenFormat(options)), output);
  return ExitCode.ok;
}

export async function runPricingAudit(options: PricingAuditOptions): Promise<number> {
  if (options.litellm === undefined && options.genaiPrices === undefined) {
    throw new UsageError("pricing audit needs --litellm FILE and/or --genai-prices DIR");
  }
  const catalog = await loadCatalog([]);
  const sources: AuditSources = {};
  if (options.litellm !== undefined) {
    const file = options.litellm;
    const entries: unknown = JSON.parse(await readTextFile(file));
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
      throw new InputError({ file }, "expected LiteLLM's model_prices_and_context_window.json (an object)");
    }
    sources.litellm = { entries: entries as Record<string, unknown>, asOf: LITELLM_SNAPSHOT };
  }
  if (options.genaiPrices !== undefined) {
    const models = new Map<string, GenaiModel>();
    for (const name of (await readdir(options.genaiPrices)).filter((n) => n.endsWith(".yml")).sort()) {
      const file = join(options.genaiPrices, name);
      for (const model of readGenaiPricesYaml(file, await readTextFile(file))) models.set(model.id, model);
    }
    sources.genai = models;
  }
  const findings = auditCatalog(catalog.undated.models, sources);
  const unexplained = findings.filter((f) => f.explainedBy === null);
  if (options.format === "json") {
    await emitReport(
      `${JSON.stringify({ schema_version: 2, findings, unexplained: unexplained.length }, null, 2)}\n`,
      undefined,
    );
  } else {
    const lines = findings.map(
      (f) =>
        `${f.explainedBy === null ? "UNEXPLAINED" : "explained"}  ${f.key} ${f.component} on ${f.date}: ${f.source} "${f.entry}" says ${f.sourceValue}, catalog ${f.catalogValue ?? "none"}${f.explainedBy ? ` (${f.explainedBy})` : ""}`,
    );
    lines.push(`${findings.length} disagreements, ${unexplained.length} unexplained`);
    await emitReport(`${lines.join("\n")}\n`, undefined);
  }
  return unexplained.length > 0 ? ExitCode.finding : ExitCode.ok;
}

/** The LiteLLM snapshot the catalog was built from is compared at its own date. */
const LITELLM_SNAPSHOT = "2026-08-01";

export async function runPricingShow(model: string, options: PricingShowOptions): Promise<number> {
  applyColorChoice(options);
  const [output] = prepareOutputs(options.pricing, [{ file: options.output, flag: "--output" }]);
  const diagnostics = createDiagnostics(options);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.warn, asOf });
  const resolved = catalog.resolve(model, options.provider);
  if (!resolved) {
    const close = catalog.suggest(model);
    const hint = close.length ? `; did you mean ${close.join(", ")}?` : "";
    throw new UsageError(
      `unknown model "${oneLine(model)}"${options.provider ? ` at provider "${oneLine(options.provider)}"` : ""}${hint} (run "llmcost pricing list" to see every model)`,
    );
  }
  const report = buildPricingShow(resolved.price, {
    query: model,
    scope: resolved.scope,
    asOf,
    today: new Date(),
    maxAgeDays: options.maxAgeDays,
    firstKnown: catalog.firstKnown(resolved.price),
  });
  await emitReport(renderPricingShow(report, chosenFormat(options)), output);
  if (report.retired_at_as_of) {
    diagnostics.warn(`${report.key} is retired since ${report.retired} (as of ${asOf})`);
  }
  if (report.stale) {
    diagnostics.warn(`${report.key}: prices as of ${report.as_of} are older than ${options.maxAgeDays} days`);
  }
  return ExitCode.ok;
}
