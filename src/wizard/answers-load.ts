// Loads an answers file (`llmcost wizard --answers FILE`): YAML, the strict answers schema, then the checks
// that need the pricing catalog. Every problem names the file, the line and the field.

import { isAbsolute } from "node:path";
import { stringify } from "yaml";
import type { ModelCatalog } from "../cost/model-map.js";
import { InputError } from "../errors.js";
import { assertReadableFile, readTextFile } from "../io/files.js";
import { expandHome, pathAsTyped, pathForFile, pathInFile } from "../io/paths.js";
import { formatPath, locateInYaml, parseYamlText, validateYaml } from "../io/yaml.js";
import { type Answers, answersSchema } from "./answers-schema.js";
import { bedrockModel, directModel } from "./catalog-choices.js";
import { draftTrafficRows, EmptyUseCaseProblem } from "./draft-traffic.js";

export interface AnswersIssue {
  path: (string | number)[];
  message: string;
}

/** What the schema cannot know: models priced in the catalog, on the right side, volumes that round to > 0. */
export function checkAnswers(answers: Answers, catalog: ModelCatalog): AnswersIssue[] {
  const issues: AnswersIssue[] = [];
  const { workload } = answers;
  if (workload.source === "describe") {
    workload.use_cases.forEach((useCase, index) => {
      const found = directModel(catalog, useCase.model);
      if (typeof found === "string")
        issues.push({ path: ["workload", "use_cases", index, "model"], message: found });
    });
    const rows = draftTrafficRows(workload, "", () => "");
    if (rows instanceof EmptyUseCaseProblem) {
      issues.push({ path: ["workload", "use_cases", rows.index, "share_percent"], message: rows.message });
    }
  }
  for (const [from, to] of Object.entries(answers.candidates.bedrock_model_map)) {
    const found = bedrockModel(catalog, to);
    if (typeof found === "string")
      issues.push({ path: ["candidates", "bedrock_model_map", from], message: found });
  }
  return issues;
}

/**
 * The answers of `file`, checked. A `traffic_file` inside it is relative to the file's folder (`~` is the home
 * folder); it comes back as it would be typed from the working folder, or absolute when it lies outside.
 */
export async function loadAnswers(
  file: string,
  catalog: ModelCatalog,
  useCasesOf?: (trafficFile: string) => Promise<readonly string[]>,
): Promise<Answers> {
  const parsed = parseYamlText(file, await readTextFile(file));
  const answers = validateYaml(parsed, answersSchema);
  const [issue] = checkAnswers(answers, catalog);
  if (issue) {
    throw new InputError(
      { file, ...locateInYaml(parsed, issue.path), field: formatPath(issue.path) },
      issue.message,
    );
  }
  if (answers.workload.source !== "csv") return answers;
  const written = answers.workload.traffic_file;
  const trafficFile = pathAsTyped(pathInFile(file, expandHome(written)));
  try {
    await assertReadableFile(trafficFile);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const at = ["workload", "traffic_file"];
    throw new InputError(
      { file, ...locateInYaml(parsed, at), field: formatPath(at) },
      `traffic file ${trafficFile}: ${error.message} (a path in an answers file is relative to the file's folder)${await cwdHint(file, written)}`,
    );
  }
  const regulated = answers.workload.regulated_use_cases;
  if (useCasesOf && regulated.length > 0) {
    const known = await useCasesOf(trafficFile);
    const missing = regulated.findIndex((name) => !known.includes(name));
    if (missing >= 0) {
      const at = ["workload", "regulated_use_cases", missing];
      const found = known.length > 0 ? `its use cases: ${known.join(", ")}` : "it has no use_case column";
      throw new InputError(
        { file, ...locateInYaml(parsed, at), field: formatPath(at) },
        `use case "${regulated[missing]}" is not in ${trafficFile} (${found})`,
      );
    }
  }
  return { ...answers, workload: { ...answers.workload, traffic_file: trafficFile } };
}

/** Answers files written for the old rule (relative to the working folder) get the path to write instead. */
async function cwdHint(file: string, written: string): Promise<string> {
  if (isAbsolute(written)) return "";
  try {
    await assertReadableFile(written);
  } catch {
    return "";
  }
  return `; ${written} exists relative to the working folder: write it as "${pathForFile(file, written)}"`;
}

/** The answers as an answers file at `file`, for `--save-answers`: `--answers file` replays them. */
export function answersYaml(answers: Answers, file: string): string {
  const { workload } = answers;
  const portable: Answers =
    workload.source === "csv"
      ? { ...answers, workload: { ...workload, traffic_file: pathForFile(file, workload.traffic_file) } }
      : answers;
  return `# Answers saved by \`llmcost wizard --save-answers\`; replay with \`llmcost wizard --answers ${file}\`.\n# Format: docs/wizard.md. Paths are relative to this file's folder.\n${stringify(portable, { lineWidth: 0 })}`;
}
