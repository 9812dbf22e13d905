// The Prompter on a real terminal: @inquirer/prompts. Ctrl-C makes any prompt reject with ExitPromptError,
// which the wizard command turns into exit 130.
import { checkbox, confirm, input, number, search, select } from "@inquirer/prompts";
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
    number: (question) =>
      number({
        message: question.message,
        default: question.default,
        required: true,
        // Shares, multipliers and seconds are fractional; each question's validator sets the real bounds.
        step: "any",
        validate: (value) => {
          if (value === undefined) return "enter a number";
          return question.validate ? question.validate(value) : true;
        },
      }),
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
