// Options shared by the report commands, declared once.
import { type Command, InvalidArgumentError as InvalidOptionArgument, Option } from "commander";
import { UsageError } from "../errors.js";
import { formatExtensions, type ReportFormat, TEXT_FORMATS } from "../report/formats.js";
import { INPUT_FORMATS } from "../traffic/format-names.js";

export interface OutputOptions {
  format?: ReportFormat;
  output?: string;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** `formats`: what --format accepts (the text formats unless the command also renders html). */
export function addOutputOptions(command: Command, formats: readonly ReportFormat[] = TEXT_FORMATS): Command {
  return command
    .addOption(
      new Option(
        "-f, --format <format>",
        `report format (default: the --output file's extension, ${formatExtensions(formats)}; else table, on a terminal or a pipe)`,
      ).choices(formats),
    )
    .option(
      "-o, --output <file>",
      "write the report to a file (atomically) instead of stdout; without --format its extension picks the format",
      parseFileName("--output"),
    )
    .option("--no-color", "disable colors (NO_COLOR and FORCE_COLOR are honoured too)")
    .addOption(new Option("-q, --quiet", "no progress or warnings on stderr").conflicts("verbose"))
    .option("--verbose", "more detail on stderr, and stack traces for internal errors");
}

/** `--pricing FILE`, repeatable: extra pricing on top of the bundled catalog. Always an array. */
export function pricingOption(): Option {
  return new Option(
    "-p, --pricing <file>",
    "extra pricing file, llmcost YAML or LiteLLM JSON (repeatable; later wins)",
  )
    .argParser(collect)
    .default([], "none");
}

/** `--traffic`, repeatable: files, folders (read recursively) or globs, in any supported format. */
export function trafficOption(extra = ""): Option {
  return new Option(
    "-t, --traffic <path>",
    `traffic: a file, a folder (recursive) or a glob, gzip or not; llmcost CSV or a log/export format detected from the content (repeatable)${extra}`,
  )
    .argParser(collect)
    .makeOptionMandatory();
}

/** `--input-format NAME`: read every traffic file as this format instead of detecting it. */
export function inputFormatOption(): Option {
  return new Option(
    "--input-format <name>",
    "read every traffic file as this format (default: detected)",
  ).choices(INPUT_FORMATS);
}

/** `--model-map ID=model`, repeatable: what a log's model id stands for (application inference profiles). */
export function modelMapOption(): Option {
  return new Option(
    "--model-map <id=model>",
    "the model a logged id stands for, e.g. a Bedrock application-inference-profile ARN (repeatable)",
  )
    .argParser(collect)
    .default([], "none");
}

/** The `--model-map` values as a map; a value without `=` is a usage error. */
export function parseModelMap(values: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.lastIndexOf("=");
    const id = value.slice(0, at).trim();
    const model = value.slice(at + 1).trim();
    if (at < 0 || id === "" || model === "") {
      throw new UsageError(`--model-map expects ID=model, got "${value}"`);
    }
    map.set(id, model);
  }
  return map;
}

/** `--map col=field`, repeatable: a CSV column read as a canonical traffic field. Always an array. */
export function mapOption(): Option {
  return new Option("-m, --map <column=field>", "map a CSV column to a canonical field (repeatable)")
    .argParser(collect)
    .default([], "none");
}

/**
 * Commander checks required options before unknown ones, so `project --trafic f.csv` said "required option
 * '--traffic' not specified" instead of "unknown option '--trafic' (Did you mean --traffic?)". This moves the
 * check for `command` and its subcommands after the unknown-option check: to a preAction hook, with
 * commander's own message.
 */
export function checkRequiredAfterUnknown(command: Command): void {
  const required = command.options.filter((option) => option.mandatory);
  for (const option of required) option.makeOptionMandatory(false);
  if (required.length > 0) {
    command.hook("preAction", (hooked) => {
      for (const option of required) {
        if (hooked.getOptionValue(option.attributeName()) === undefined) {
          hooked.error(`error: required option '${option.flags}' not specified`, {
            code: "commander.missingMandatoryOptionValue",
          });
        }
      }
    });
  }
  for (const sub of command.commands) checkRequiredAfterUnknown(sub);
}

/** Collects a repeatable option into an array. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a positive integer flag value or throws commander's usage error. */
const DURATION_UNITS_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** A duration such as `30m`, `1h`, `7d` or `1w`, in milliseconds. */
export function parseDuration(flag: string): (value: string) => number {
  return (value) => {
    const match = /^(\d+(?:\.\d+)?)\s*([mhdw])$/.exec(value.trim());
    const amount = match ? Number(match[1]) : Number.NaN;
    const unitMs = DURATION_UNITS_MS[match?.[2] ?? ""];
    if (unitMs === undefined || !(amount > 0)) {
      throw new InvalidOptionArgument(
        `${flag} expects a duration such as 1h, 1d, 7d or 1w (units: m, h, d, w), got "${value}"`,
      );
    }
    return amount * unitMs;
  };
}

/** A file name flag: an empty one (`-o ""`, an unset shell variable) is an error, not "no flag". */
export function parseFileName(flag: string): (value: string) => string {
  return (value) => {
    if (value.trim() === "")
      throw new InvalidOptionArgument(`${flag} expects a file name, got an empty string`);
    return value;
  };
}

export function parsePositiveInt(flag: string): (value: string) => number {
  return (value) => {
    // Decimal digits only: Number() would also take "0x10", "1e3" and " 7 ".
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed <= 0) {
      throw new InvalidOptionArgument(`${flag} expects a positive whole number, got "${value}"`);
    }
    return parsed;
  };
}

/** `--as-of DATE`: price at the catalog as it stood that day (default: today, UTC). */
export function asOfOption(): Option {
  return new Option(
    "--as-of <date>",
    "use the prices and lifecycle in effect on this date, YYYY-MM-DD (default: today)",
  ).argParser((value: string) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(time) ||
      new Date(time).toISOString().slice(0, 10) !== value
    ) {
      throw new InvalidOptionArgument(`--as-of expects a date YYYY-MM-DD, got "${value}"`);
    }
    return value;
  });
}

/** `--seed N`: the seed of simulated error rates below 1 (route, and project's policy options). */
export function seedOption(): Option {
  return new Option("--seed <n>", "seed for simulated error rates below 1 (default 1)").argParser(
    (value: string) => {
      // Decimal digits only: Number() would also take "0x10", "1e3" and " 7 ".
      const seed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
        throw new InvalidOptionArgument(`--seed expects a whole number from 0 to 4294967295, got "${value}"`);
      }
      return seed;
    },
  );
}
