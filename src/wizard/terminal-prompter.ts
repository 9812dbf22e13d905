// The Prompter on a real terminal: @inquirer/prompts. Ctrl-C makes any prompt reject with ExitPromptError,
// which the wizard command turns into exit 130.
import { checkbox, confirm, input, search, select } from "@inquirer/prompts";
import { parseNumberAnswer } from "./number-answer.js";
import type { Choice, Prompter } from "./prompter.js";

function matches(choice: Choice<string>, term: string | undefined): boolean {
  if (!term) return true;
  const needle = term.toLowerCase();
  return choice.name.toLowerCase().includes(needle) || choice.value.toLowerCase().includes(needle);
}

export function terminalPrompter(write: (text: string) => void): Prompter {
  return {
    input: (question) =>
      input({
        message: question.message,
        ...(question.default !== undefined ? { default: question.default } : {}),
        ...(question.validate ? { validate: question.validate } : {}),
      }),
    // A text prompt rather than @inquirer's number prompt, which refuses "250,000" (see number-answer.ts).
    number: async (question) => {
      const check = (text: string): true | string => {
        const value = parseNumberAnswer(text);
        if (typeof value === "string") return value;
        return question.validate ? question.validate(value) : true;
      };
      const text = await input({
        message: question.message,
        default: String(question.default),
        validate: check,
      });
      const value = parseNumberAnswer(text);
      if (typeof value === "string") throw new Error(`the prompt accepted "${text}": ${value}`);
      return value;
    },
    select: (question) =>
      select({
        message: question.message,
        choices: question.choices,
        ...(question.default !== undefined ? { default: question.default } : {}),
      }),
    checkbox: (question) => {
      const validate = question.validate;
      return checkbox({
        message: question.message,
        choices: question.choices,
        ...(validate ? { validate: (picked) => validate(picked.map((choice) => choice.value)) } : {}),
      });
    },
    confirm: (question) => confirm({ message: question.message, default: question.default }),
    search: (question) =>
      search({
        message: question.message,
        pageSize: 10,
        source: (term) => question.choices.filter((choice) => matches(choice, term)),
      }),
    note: (text) => write(`${text}\n`),
  };
}
