// What a command declaration calls when its command runs. src/cli.ts builds it from a lazily imported runner,
// so a declaration never imports its runner and `--help` loads no command body.

/** Runs the command with commander's arguments (positional arguments, then the options object). */
export type Run<Args extends unknown[]> = (...args: Args) => Promise<void>;
