// `llmcost pricing list` and `pricing show`: load the catalog, pick models, render, exit code.

import { todayUtc } from "../../cost/price-history.js";
import { normaliseProvider } from "../../cost/pricing-ids.js";
import { ExitCode, UsageError } from "../../errors.js";
import { emitReport } from "../../io/output.js";
import { loadCatalog } from "../../io/pricing-load.js";
import { chosenFormat } from "../../report/formats.js";
import { buildPricingList, buildPricingShow } from "../../report/pricing-data.js";
import { renderPricingList, renderPricingShow } from "../../report/pricing-render.js";
import { applyColorChoice, createDiagnostics } from "../../terminal/diagnostics.js";
import type { PricingListOptions, PricingShowOptions } from "./command.js";

export async function runPricingList(options: PricingListOptions): Promise<number> {
  applyColorChoice(options);
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
    throw new UsageError(`no models at provider "${options.provider}"; the catalog has: ${known}`);
  }
  await emitReport(renderPricingList(report, chosenFormat(options)), options.output);
  return ExitCode.ok;
}

export async function runPricingShow(model: string, options: PricingShowOptions): Promise<number> {
  applyColorChoice(options);
  const diagnostics = createDiagnostics(options);
  const asOf = options.asOf ?? todayUtc();
  const catalog = await loadCatalog(options.pricing, { onNotice: diagnostics.warn, asOf });
  const resolved = catalog.resolve(model, options.provider);
  if (!resolved) {
    const close = catalog.suggest(model);
    const hint = close.length ? `; did you mean ${close.join(", ")}?` : "";
    throw new UsageError(
      `unknown model "${model}"${options.provider ? ` at provider "${options.provider}"` : ""}${hint} (run "llmcost pricing list" to see every model)`,
    );
  }
  const report = buildPricingShow(resolved.price, {
    query: model,
    scope: resolved.scope,
    asOf,
    today: new Date(),
    maxAgeDays: options.maxAgeDays,
  });
  await emitReport(renderPricingShow(report, chosenFormat(options)), options.output);
  if (report.retired_at_as_of) {
    diagnostics.warn(`${report.key} is retired since ${report.retired} (as of ${asOf})`);
  }
  if (report.stale) {
    diagnostics.warn(`${report.key}: prices as of ${report.as_of} are older than ${options.maxAgeDays} days`);
  }
  return ExitCode.ok;
}
