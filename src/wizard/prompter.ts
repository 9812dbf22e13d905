// The prompt functions the interview asks through. The terminal implementation wraps @inquirer/prompts;
// tests script the answers. Keeping the interview behind this seam keeps it free of terminal I/O.

/**
 * A validator returns true, or the reason the value is refused (shown under the prompt).
 * @internal tests' scripted prompters implement Prompter with it
 */
export type Validate<T> = (value: T) => true | string;

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface Prompter {
  input(question: { message: string; default?: string; validate?: Validate<string> }): Promise<string>;
  /** Any real number (not only integers); the validator decides what is allowed. */
  number(question: { message: string; default: number; validate?: Validate<number> }): Promise<number>;
  select<T extends string>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T extends string>(question: {
    message: string;
    choices: (Choice<T> & { checked?: boolean })[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]>;
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
  /** A filterable list; the first choice is the default (Enter without typing). */
  search<T extends string>(question: { message: string; choices: Choice<T>[] }): Promise<T>;
  /** Prints a line of information between questions. */
  note(text: string): void;
}
