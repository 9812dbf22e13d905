// Declares `llmcost convert`: its flags and their options type. The runner (run.ts) is passed in by src/cli.ts.
import type { Command } from "commander";
import { INPUT_FORMATS } from "../../traffic/format-names.js";
import { inputFormatOption, mapOption, modelMapOption, trafficOption } from "../options.js";
import type { Run } from "../run-type.js";

export interface ConvertOptions {
  traffic: string[];
  inputFormat?: string;
  modelMap: string[];
  map: string[];
  output?: string;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
}

export function registerConvert(program: Command, run: Run<[ConvertOptions]>): void {
  program
    .command("convert")
    .description(
      "write any traffic llmcost reads (logs, usage exports, CSV) as llmcost's canonical CSV, to inspect or edit",
    )
    .addOption(trafficOption())
    .addOption(inputFormatOption())
    .addOption(modelMapOption())
    .addOption(mapOption())
    .option(
      "-o, --output <file>",
      "the CSV to write, atomically (default: stdout; `-` is stdout; a .gz name is gzip)",
    )
    .option("-q, --quiet", "no summary on stderr")
    .option("--verbose", "stack traces for internal errors")
    .option("--no-color", "disable colors")
    .addHelpText(
      "after",
      `
Every canonical column is written, then the metadata keys of the rows (meta.<key> in routing rules);
\`llmcost project\` on the output gives the same totals as on the input.

Examples:
  $ llmcost convert -t fixtures/logs/bedrock -o bedrock.csv
  $ llmcost convert -t 'exports/openai/*.json' -t fixtures/logs/litellm-spend/spend-logs.json -o - | head
  $ llmcost convert -t logs/ --input-format bedrock-invocation-logs -o traffic.csv.gz

Input formats (--input-format; detected from the content when not given):
  ${INPUT_FORMATS.join(", ")}`,
    )
    .action(run);
}
