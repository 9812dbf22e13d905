// `llmcost convert`: read every --traffic input as `project` would, and stream it out as canonical CSV.
// Two passes over the inputs, both streamed: the first finds the metadata keys (the header needs them all),
// the second writes the rows. The output is renamed into place only when every row was written.
import { ExitCode } from "../../errors.js";
import { readingTraffic } from "../../io/input-kind.js";
import { prepareOutputs } from "../../io/output.js";
import { StreamedOutput } from "../../io/streamed-output.js";
import { applyColorChoice } from "../../terminal/diagnostics.js";
import { canonicalHeader, canonicalLine } from "../../traffic/canonical-csv.js";
import { parseColumnMap } from "../../traffic/columns.js";
import {
  describeSources,
  forEachTrafficRow,
  openTrafficInputs,
  summarizeSources,
} from "../../traffic/read-sources.js";
import { parseModelMap } from "../options.js";
import type { ConvertOptions } from "./command.js";

export async function runConvert(options: ConvertOptions): Promise<number> {
  applyColorChoice(options);
  const file = options.output === undefined || options.output === "-" ? "/dev/stdout" : options.output;
  prepareOutputs(options.traffic, [{ file, flag: "--output" }]);
  const inputs = await readingTraffic(() => openTrafficInputs(options.traffic, options.inputFormat));
  // Checked again with every file a folder or glob matched: none may be the output.
  const [target] = prepareOutputs(
    [...options.traffic, ...inputs.files.map((f) => f.file)],
    [{ file, flag: "--output" }],
  );
  const readOptions = { map: parseColumnMap(options.map), modelMap: parseModelMap(options.modelMap) };
  const keys = new Set<string>();
  await forEachTrafficRow(
    inputs,
    (row) => {
      for (const key in row.meta) keys.add(key);
    },
    readOptions,
  );
  const metaKeys = [...keys];
  if (target === undefined) return ExitCode.usage;
  const output = new StreamedOutput(target);
  try {
    output.write(canonicalHeader(metaKeys));
    const reads = await forEachTrafficRow(
      inputs,
      (row) => output.write(canonicalLine(row, metaKeys)),
      readOptions,
    );
    output.commit();
    if (!options.quiet) {
      process.stderr.write(
        `${describeSources(summarizeSources(inputs, reads))} Wrote them to ${target.file}.\n`,
      );
    }
  } finally {
    output.discard();
  }
  return ExitCode.ok;
}
