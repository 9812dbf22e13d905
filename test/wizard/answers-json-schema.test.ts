// The committed JSON Schema of answers files is the one the zod schema generates (no drift).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { answersJsonSchema } from "../../src/wizard/answers-schema.js";

it("schemas/answers.schema.json matches the zod schema", () => {
  const committed: unknown = JSON.parse(readFileSync("schemas/answers.schema.json", "utf8"));
  expect(committed).toEqual(answersJsonSchema());
});
