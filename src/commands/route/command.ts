// Declares `llmcost route`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import { type Command, Option } from "commander";
import { REPORT_FORMATS } from "../../report/formats.js";
import {
  addOutputOptions,
  asOfOption,
  inputFormatOption,
  mapOption,
  modelMapOption,
  type OutputOptions,
  parseFileName,
  pricingOption,
  seedOption,
  trafficOption,
} from "../options.js";
import type { Run } from "../run-type.js";

const ROUTE_FAIL_ON = ["compliance"] as const;
/** Which quotas the replay enforces: the policy's `quota:` only, or the bundled figures under them. */
const ROUTE_QUOTAS = ["policy", "bundled"] as const;
type RouteFailOn = (typeof ROUTE_FAIL_ON)[number];

export interface RouteOptions extends OutputOptions {
  dryRun?: boolean;
  traffic: string[];
  inputFormat?: string;
  modelMap: string[];
  policy: string;
  pricing: string[];
  map: string[];
  seed?: number;
  decisions?: string;
  explain?: string;
  diff?: string;
  failOn?: RouteFailOn;
  asOf?: string;
  strict?: boolean;
  quotas?: (typeof ROUTE_QUOTAS)[number];
}

export function registerRoute(program: Command, run: Run<[RouteOptions]>): void {
  const command = program
    .command("route")
    .description(
      "replay logged requests through a routing policy, offline: a decision per request and a summary",
    )
    .option("--dry-run", "replay the traffic log (required: llmcost never routes live traffic)")
    .addOption(trafficOption("; one llmcost CSV must be in timestamp order, other inputs are sorted"))
    .addOption(inputFormatOption())
    .addOption(modelMapOption())
    .requiredOption("-P, --policy <file>", "routing policy YAML (see docs/route.md)")
    .addOption(pricingOption())
    .addOption(asOfOption())
    .option(
      "--strict",
      "exit 2 when the policy or the traffic uses a model retired at --as-of, or a latest_model rule lists a target that is not the latest",
    )
    .addOption(mapOption())
    .addOption(seedOption())
    .option(
      "--decisions <file>",
      "stream every decision to a file: .jsonl/.ndjson for JSON Lines, otherwise CSV",
      parseFileName("--decisions"),
    )
    // A trace is about one policy; a diff compares two. Together one would be silently dropped.
    .addOption(
      new Option(
        "--explain <request-id>",
        "print one request's full trace instead of the summary (row-N for a row without a request id)",
      ).conflicts("diff"),
    )
    .option(
      "--diff <policy>",
      "also replay another policy (the one considered; --policy is the one in place) and show the requests that change target and the cost delta, --diff minus --policy",
    )
    .addOption(new Option("--fail-on <finding>", "exit 1 when the finding occurs").choices(ROUTE_FAIL_ON))
    .addOption(
      new Option(
        "--quotas <source>",
        "quotas to enforce: the policy's target quota: blocks (policy, the default), or the bundled figures under them (bundled)",
      ).choices(ROUTE_QUOTAS),
    );
  addOutputOptions(command, REPORT_FORMATS)
    .addHelpText(
      "after",
      `
Examples:
  $ llmcost route --dry-run -t fixtures/traffic/saas-assistant-week.csv -P fixtures/policies/seed-hybrid.yaml
  $ llmcost route --dry-run -t logs.csv -P policy.yaml --decisions decisions.jsonl --format json | jq .targets
  $ llmcost route --dry-run -t logs.csv -P policy.yaml --explain req-7-1
  $ llmcost route --dry-run -t logs.csv -P current.yaml --diff new.yaml --format markdown   # delta: new - current
  $ llmcost route --dry-run -t logs.csv -P fixtures/policies/failover-drill.yaml --seed 7 --fail-on compliance
  $ llmcost route --dry-run -t fixtures/logs/bedrock/ -P fixtures/policies/seed-hybrid.yaml
  $ llmcost route --dry-run -t fixtures/traffic/burst-minute.csv -P fixtures/policies/quota-drill.yaml
  $ llmcost route --dry-run -t logs.csv -P policy.yaml --quotas bundled --format json | jq .totals.throttled_requests

Logs from several files are merged by timestamp (ties in --traffic and path order); a usage bucket (OpenAI,
Anthropic) is replayed as one weighted request at the bucket's start.`,
    )
    .action(run);
}
