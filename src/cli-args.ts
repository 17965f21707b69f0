/**
 * Argument parsing for the `midtrans-kit` subcommands: `node:util` `parseArgs` in strict mode,
 * over one option table per command that also writes the command's `--help`, so the help and the
 * parser cannot disagree. Values are checked here, and an error names the flag (or the
 * environment variable) the bad value came from. It imports nothing of the kit, so the
 * simulator's command can use it too.
 */
import { parseArgs } from 'node:util';

/** One `--name <value>` option of a command. */
export interface CliOption {
  /** Placeholder of the value in the help, e.g. `<seconds>`. */
  readonly value: string;
  /** What it sets. */
  readonly description: string;
  /** The default, as the help shows it. */
  readonly default?: string;
  /** Environment variable read when the flag is absent (the flag wins). */
  readonly env?: string;
}

/** A subcommand: its name, what it does, its options. */
export interface CliCommand<K extends string> {
  /** `midtrans-kit <name>`. */
  readonly name: string;
  /** Arguments in the usage line (default `[options]`). */
  readonly usage?: string;
  /** One sentence on what it does. */
  readonly summary: string;
  /** The options, in help order. */
  readonly options: Readonly<Record<K, CliOption>>;
  /** Paragraphs after the options: environment, exit codes. */
  readonly notes?: string;
}

/** Bad arguments: the command exits 2 and points at its `--help`. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The parsed arguments of one run. */
export interface CliArgs<K extends string> {
  /** `--help` / `-h` was given. */
  readonly help: boolean;
  /** The option's text: the flag, else its variable, else undefined (an empty variable is unset). */
  text(name: K): string | undefined;
  /** An integer option within `[min, max]`, or undefined when absent. */
  integer(name: K, min: number, max?: number): number | undefined;
  /** A finite number above zero, or undefined when absent. */
  positive(name: K): number | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parse `args` (after the subcommand) for `command`; throws `CliUsageError` naming the culprit. */
export function parseCliArgs<K extends string>(
  command: CliCommand<K>,
  args: readonly string[],
  env: Env = {},
): CliArgs<K> {
  const values = parseStrict(command, args);
  const source = (name: K): { text: string; origin: string } | undefined => {
    const flag = values[name];
    if (typeof flag === 'string') return { text: flag, origin: `--${name}` };
    const variable = command.options[name].env;
    const fromEnv = variable === undefined ? undefined : env[variable];
    return variable !== undefined && fromEnv ? { text: fromEnv, origin: variable } : undefined;
  };
  const checked = (name: K, form: RegExp, ok: (n: number) => boolean, rule: string) => {
    const found = source(name);
    if (found === undefined) return undefined;
    const parsed = form.test(found.text) ? Number(found.text) : Number.NaN;
    if (!ok(parsed)) throw new CliUsageError(`${found.origin} must be ${rule} (got "${found.text}")`);
    return parsed;
  };
  return {
    help: values.help === true,
    text: (name) => source(name)?.text,
    integer: (name, min, max) =>
      checked(
        name,
        /^[0-9]+$/,
        (n) => Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max),
        max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`,
      ),
    positive: (name) => checked(name, /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/, (n) => n > 0, 'a number above 0'),
  };
}

/** The `--help` text of `command`, defaults and variables included. */
export function cliHelp<K extends string>(command: CliCommand<K>): string {
  const rows: [string, string][] = [];
  for (const [name, option] of Object.entries<CliOption>(command.options)) {
    const shown = option.default === undefined ? '' : ` (default ${option.default})`;
    rows.push([`--${name} ${option.value}`, `${option.description}${shown}`]);
    if (option.env !== undefined) rows.push(['', `env ${option.env}`]);
  }
  rows.push(['-h, --help', 'this text']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [
    `Usage: midtrans-kit ${command.name} ${command.usage ?? '[options]'}`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
  ];
  if (command.notes !== undefined) lines.push('', command.notes);
  return lines.join('\n');
}

function parseStrict<K extends string>(
  command: CliCommand<K>,
  args: readonly string[],
): Record<string, string | boolean | (string | boolean)[] | undefined> {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of Object.keys(command.options)) options[name] = { type: 'string' };
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    // Node's messages name the option; its first line is the part a user needs.
    const message = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(message.split('\n')[0] ?? message);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new CliUsageError(`--${name} needs a value`);
  }
  return values;
}
