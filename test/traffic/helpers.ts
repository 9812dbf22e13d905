// Temp files for traffic tests and an assertion that an InputError names the file, row and field.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { InputError, type InputLocation } from "../../src/errors.js";
import { type ReadTrafficOptions, readTraffic } from "../../src/traffic/read.js";
import type { TrafficRow } from "../../src/traffic/row.js";

const dir = mkdtempSync(join(tmpdir(), "llmcost-traffic-"));
let counter = 0;

/** Writes `content` to a fresh file in a temp dir and returns its path. */
export function tempFile(content: string | Uint8Array, name = "traffic.csv"): string {
  const file = join(dir, `${++counter}-${name}`);
  writeFileSync(file, content);
  return file;
}

export async function readAll(
  file: string,
  options?: ReadTrafficOptions,
): Promise<{ rows: TrafficRow[]; summary: Awaited<ReturnType<typeof readTraffic>> }> {
  const rows: TrafficRow[] = [];
  const summary = await readTraffic(file, (row) => rows.push(row), options);
  return { rows, summary };
}

export async function readCsv(content: string, options?: ReadTrafficOptions) {
  return readAll(tempFile(content), options);
}

/** Expects reading `file` to fail with an InputError at `location` whose message matches `message`. */
export async function expectInputError(
  file: string,
  location: Omit<InputLocation, "file">,
  message: RegExp,
  options?: ReadTrafficOptions,
): Promise<void> {
  const error = await readAll(file, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  if (!(error instanceof InputError)) return;
  expect(error.location).toEqual({ file, ...location });
  expect(error.message).toMatch(message);
}

export const HEADER = "model,input_tokens,output_tokens";
