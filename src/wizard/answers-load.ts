// Loads an answers file (`llmcost wizard --answers FILE`): YAML, the strict answers schema, then the checks
// that need the pricing catalog. Every problem names the file, the line and the field.
import type { ModelCatalog } from "../cost/model-map.js";
import { InputError } from "../errors.js";
import { readTextFile } from "../io/files.js";
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

export async function loadAnswers(file: string, catalog: ModelCatalog): Promise<Answers> {
  const parsed = parseYamlText(file, await readTextFile(file));
  const answers = validateYaml(parsed, answersSchema);
  const [issue] = checkAnswers(answers, catalog);
  if (issue) {
    throw new InputError(
      { file, ...locateInYaml(parsed, issue.path), field: formatPath(issue.path) },
      issue.message,
    );
  }
  return answers;
}
