// How a status value reads: the listed words, HTTP codes, and AWS error codes (Bedrock's `errorCode`).
import { describe, expect, it } from "vitest";
import { StatusClassifier } from "../../src/traffic/status.js";

describe("StatusClassifier", () => {
  const statuses = new StatusClassifier();
  it("AWS error codes ending in Exception are failures, whatever their case", () => {
    for (const code of [
      "ThrottlingException",
      "ValidationException",
      "ModelTimeoutException",
      "accessdeniedexception",
    ]) {
      expect(statuses.classify(code)).toBe("failure");
    }
  });
  it("words that merely contain exception, and other unknown words, stay unknown", () => {
    expect(statuses.classify("Exception handled")).toBe("unknown");
    expect(statuses.classify("exception")).toBe("unknown");
    expect(statuses.classify("weird")).toBe("unknown");
    expect(statuses.classify("429")).toBe("failure");
    expect(statuses.classify("ok")).toBe("success");
  });
});

describe("formatLocation", () => {
  it("names a record of a JSON document by its index, and the field by its JSON path", async () => {
    const { formatLocation } = await import("../../src/errors.js");
    expect(formatLocation({ file: "usage.json", record: 3, field: "results[1].model" })).toBe(
      'usage.json record 3, field "results[1].model"',
    );
    expect(formatLocation({ file: "x.jsonl.gz", line: 12, field: "input.inputTokenCount" })).toBe(
      'x.jsonl.gz:12, field "input.inputTokenCount"',
    );
  });
});
