// Loads pricing: the bundled catalog (catalog/*.yaml beside the package), then each --pricing file in order,
// detecting LiteLLM JSON versus the project's YAML. Imported only by commands that need prices.
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PricingCatalog } from "../cost/catalog.js";
import type { ModelPrice } from "../cost/price.js";
import { todayUtc } from "../cost/price-history.js";
import { type UnpricedModel, UnpricedModels } from "../cost/unpriced-kinds.js";
import { InputError } from "../errors.js";
import { readTextFile } from "./files.js";
import { isJsonName, refuseJsonComments } from "./json-comments.js";
import { isLiteLlmPriceMap, pricingFromLiteLlm } from "./pricing-litellm.js";
import { readPricingYaml } from "./pricing-yaml.js";

export interface PricingLoadOptions {
  /** Fix prices, `latest` and lifecycle to this date (YYYY-MM-DD); default today (UTC). */
  asOf?: string;
  /** Receives one line per thing worth telling the user (skipped LiteLLM entries, approximations). */
  onNotice?: (message: string) => void;
}

/** Works from src/ (tests) and dist/ (the installed package) alike: both sit two levels below the root. */
const BUNDLED_CATALOG_DIR = fileURLToPath(new URL("../../catalog/", import.meta.url));

export async function loadCatalog(
  pricingFiles: readonly string[],
  options: PricingLoadOptions = {},
): Promise<PricingCatalog> {
  const bundled = await loadBundled();
  const models = bundled.flatMap((source) => source.models);
  const unpriced = bundled.flatMap((source) => source.unpriced);
  // Loops, not push(...list): a spread of 200k models overflows the call stack.
  for (const file of pricingFiles) {
    const source = await loadPricingSource(file, options);
    for (const model of source.models) models.push(model);
    for (const entry of source.unpriced) unpriced.push(entry);
  }
  return new PricingCatalog(models, new UnpricedModels(unpriced)).at(options.asOf ?? todayUtc());
}

interface PricingSource {
  models: ModelPrice[];
  unpriced: UnpricedModel[];
}

async function loadBundled(): Promise<PricingSource[]> {
  const files = (await readdir(BUNDLED_CATALOG_DIR)).filter((name) => name.endsWith(".yaml")).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = join(BUNDLED_CATALOG_DIR, name);
      return readPricingYaml(file, await readTextFile(file));
    }),
  );
}

/** One user pricing file: LiteLLM JSON when it looks like it, else the project's YAML (or JSON) format. */
export async function loadPricingFile(file: string, options: PricingLoadOptions = {}): Promise<ModelPrice[]> {
  return (await loadPricingSource(file, options)).models;
}

async function loadPricingSource(file: string, options: PricingLoadOptions): Promise<PricingSource> {
  const text = await readTextFile(file);
  if (!/^\s*\{/.test(text) && !isJsonName(file)) return readPricingYaml(file, text);
  const value = parseJson(file, text);
  if (!isLiteLlmPriceMap(value)) return readPricingYaml(file, text);
  const modified = (await stat(file)).mtime.toISOString().slice(0, 10);
  const imported = pricingFromLiteLlm(
    { file, text, label: `LiteLLM price map ${basename(file)}`, asOf: modified },
    value,
  );
  const skipped = [...imported.skipped].sort((a, b) => b[1] - a[1]);
  const skippedTotal = skipped.reduce((sum, [, count]) => sum + count, 0);
  if (skippedTotal > 0) {
    const reasons = skipped.map(([reason, count]) => `${count} ${reason}`).join(", ");
    options.onNotice?.(
      `${file}: imported ${imported.models.length} models; skipped ${skippedTotal} entries without token prices: ${reasons}`,
    );
  }
  for (const note of imported.notes) options.onNotice?.(`${file}: ${note}`);
  return { models: imported.models, unpriced: imported.unpriced };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    refuseJsonComments(file, text);
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position !== undefined ? text.slice(0, Number(position)).split("\n").length : undefined;
    throw new InputError(
      { file, ...(line !== undefined ? { line } : {}) },
      `invalid JSON: ${message.split("\n")[0]} (expected LiteLLM's model_prices_and_context_window.json format or llmcost pricing YAML)`,
    );
  }
}
