// A Prompter that answers from a script, as a user at the keyboard would: each question takes the next
// scripted value for the first key its message contains, or its default (Enter). A value the question's
// validator refuses is recorded with the reason and the next scripted value is tried, like a retyped answer.
import type { Choice, Prompter, Validate } from "../../src/wizard/prompter.js";

export type ScriptValue = string | number | boolean | string[];

export interface Refusal {
  message: string;
  value: ScriptValue;
  reason: string;
}

export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  readonly refusals: Refusal[] = [];
  readonly notes: string[] = [];
  private readonly script: Map<string, ScriptValue[]>;

  constructor(script: Record<string, ScriptValue[]> = {}) {
    this.script = new Map(Object.entries(script).map(([key, values]) => [key, [...values]]));
  }

  /** Every scripted value was used: a test that scripts an answer nobody asked for fails. */
  unused(): string[] {
    return [...this.script].filter(([, values]) => values.length > 0).map(([key]) => key);
  }

  private take<T>(message: string, fallback: T, cast: (v: ScriptValue) => T, validate?: Validate<T>): T {
    this.asked.push(message);
    const key = [...this.script.keys()].find((k) => message.includes(k));
    const queue = key === undefined ? undefined : this.script.get(key);
    for (;;) {
      const next = queue?.shift();
      const value = next === undefined ? fallback : cast(next);
      const verdict = validate ? validate(value) : true;
      if (verdict === true) return value;
      if (next === undefined) throw new Error(`default of "${message}" refused: ${verdict}`);
      this.refusals.push({ message, value: next, reason: verdict });
    }
  }

  async input(q: { message: string; default?: string; validate?: Validate<string> }): Promise<string> {
    return this.take(q.message, q.default ?? "", String, q.validate);
  }

  async number(q: { message: string; default: number; validate?: Validate<number> }): Promise<number> {
    return this.take(q.message, q.default, Number, q.validate);
  }

  async select<T extends string>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    const fallback = q.default ?? q.choices[0]?.value;
    if (fallback === undefined) throw new Error(`no choices for "${q.message}"`);
    return this.take(q.message, fallback, (v) => pick(q.choices, String(v)));
  }

  async checkbox<T extends string>(q: {
    message: string;
    choices: (Choice<T> & { checked?: boolean })[];
    validate?: Validate<readonly T[]>;
  }): Promise<T[]> {
    const fallback = q.choices.filter((c) => c.checked).map((c) => c.value);
    const cast = (v: ScriptValue): T[] => (Array.isArray(v) ? v : [String(v)]).map((s) => pick(q.choices, s));
    return this.take(q.message, fallback, cast, q.validate);
  }

  async confirm(q: { message: string; default: boolean }): Promise<boolean> {
    return this.take(q.message, q.default, (v) => v === true || v === "yes");
  }

  async search<T extends string>(q: { message: string; choices: Choice<T>[] }): Promise<T> {
    const first = q.choices[0]?.value;
    if (first === undefined) throw new Error(`no choices for "${q.message}"`);
    return this.take(q.message, first, (v) => pick(q.choices, String(v)));
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

function pick<T extends string>(choices: readonly Choice<T>[], value: string): T {
  const found = choices.find((c) => c.value === value);
  if (!found)
    throw new Error(`"${value}" is not among the choices ${choices.map((c) => c.value).join(", ")}`);
  return found.value;
}
