// The RAG section of the projection report (scenario `retrieval:`): strategies per option, breakeven between
// them, the context size at which the cheaper one flips, tips; and its CSV line items. Strings in, strings out.
import { formatCount, formatUsd, formatUsdPerRequest } from "./numbers.js";
import type { RagData } from "./rag-data.js";
import type { Section } from "./sections.js";

const money = { align: "right" } as const;

type Components = RagData["strategies"][number]["options"][number]["components"];

/** Sum of some components, null when any is unknown. */
function sum(components: Components, keys: readonly (keyof Components)[]): number | null {
  let total = 0;
  for (const key of keys) {
    const value = components[key];
    if (value === null) return null;
    total += value;
  }
  return total;
}

function usdOrUnknown(amount: number | null): string {
  return amount === null ? "unknown" : formatUsd(amount);
}

export function ragSections(rag: RagData | undefined): Section[] {
  if (!rag) return [];
  return [strategiesSection(rag), breakevenSection(rag), sensitivitySection(rag)];
}

function strategiesSection(rag: RagData): Section {
  const rows = rag.strategies.flatMap((s) =>
    s.options.map((o) => [
      `${s.id}${s.id === rag.current ? " (current)" : ""}`,
      o.id,
      usdOrUnknown(o.components.tokens_without_retrieval_usd),
      usdOrUnknown(o.components.context_tokens_usd),
      usdOrUnknown(sum(o.components, ["query_embedding_usd", "corpus_embedding_usd", "rerank_usd"])),
      usdOrUnknown(sum(o.components, ["store_usd", "store_queries_usd", "database_usd"])),
      usdOrUnknown(o.monthly_cost_usd),
      o.per_request_usd === null ? "unknown" : formatUsdPerRequest(o.per_request_usd),
    ]),
  );
  const unknown = rag.strategies.flatMap((s) =>
    s.options.flatMap((o) => o.unknown.map((reason) => `${s.id} on ${o.id} is unknown: ${reason}`)),
  );
  return {
    title: `RAG strategies for ${rag.use_cases.join(", ")} (${formatCount(rag.monthly_requests)} requests a month)`,
    columns: [
      { header: "Strategy" },
      { header: "Option" },
      { header: "Tokens w/o retrieval", ...money },
      { header: "Context tokens", ...money },
      { header: "Embed + rerank", ...money },
      { header: "Store + database", ...money },
      { header: "Monthly", ...money },
      { header: "Per request", ...money },
    ],
    rows,
    notes: [
      ...rag.cheapest.map((c) =>
        c.strategy === null
          ? `${c.option}: no retrieval strategy is fully priced`
          : `${c.option}: ${c.strategy} is the cheapest way to give the model context (none is the baseline, not a contender)`,
      ),
      ...rag.tips.map(
        (t) =>
          `tip: on ${t.option}, ${t.strategy} instead of ${t.instead_of} saves ${formatUsd(t.monthly_saving_usd)} a month at today's volume`,
      ),
      ...unknown,
      ...rag.skipped_options.map((s) => `${s.option} is not priced here: ${s.reason}`),
      ...rag.assumptions,
    ],
  };
}

function breakevenSection(rag: RagData): Section {
  return {
    title: `RAG breakeven (requests a month of ${rag.use_cases.join(", ")} where the cheaper strategy flips)`,
    columns: [
      { header: "Option" },
      { header: "Strategies" },
      { header: "Breakeven", ...money },
      { header: "Cheaper below" },
      { header: "Cheaper above" },
    ],
    rows: rag.breakeven.map((b) => [
      b.option,
      `${b.a} vs ${b.b}`,
      b.requests_per_month === null ? "never" : formatCount(b.requests_per_month),
      b.cheaper_below ?? "neither (same cost)",
      b.requests_per_month === null
        ? `(${b.cheaper_below ?? "neither"} stays cheaper)`
        : (b.cheaper_above ?? ""),
    ]),
    ...(rag.breakeven.length
      ? {}
      : { notes: ["fewer than two retrieval strategies are priced: no breakeven"] }),
  };
}

function sensitivitySection(rag: RagData): Section {
  return {
    title: "RAG sensitivity (the context size at which the cheapest strategy changes, today's volume)",
    columns: [
      { header: "Option" },
      { header: "Strategy" },
      { header: "Assumption" },
      { header: "Base", ...money },
      { header: "Flips at", ...money },
      { header: "New cheapest" },
    ],
    rows: rag.sensitivity.map((f) => [
      f.option,
      f.strategy,
      f.assumption,
      formatCount(f.base),
      f.flips_at === null ? "never" : formatCount(f.flips_at),
      f.new_cheapest ?? "",
    ]),
  };
}

const CSV_COMPONENTS = [
  "tokens_without_retrieval_usd",
  "context_tokens_usd",
  "query_embedding_usd",
  "corpus_embedding_usd",
  "rerank_usd",
  "store_usd",
  "store_queries_usd",
  "database_usd",
] as const satisfies readonly (keyof Components)[];

/** CSV rows (category `rag`): one per strategy, option and component, then the strategy's total. Not part of
 * the option's own total: each strategy is an alternative for the retrieval use cases. */
export function ragCsvRows(rag: RagData | undefined): (string | number | null)[][] {
  if (!rag) return [];
  return rag.strategies.flatMap((s) =>
    s.options.flatMap((o) => [
      ...CSV_COMPONENTS.map((key) => [
        o.id,
        "rag",
        `${s.id}.${key.replace(/_usd$/, "")}`,
        "",
        rag.monthly_requests,
        "requests",
        o.components[key],
      ]),
      [o.id, "rag", `${s.id}.total`, "", rag.monthly_requests, "requests", o.monthly_cost_usd],
    ]),
  );
}
