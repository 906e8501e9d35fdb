import { writeFile } from 'node:fs/promises';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';

/**
 * What every command of the registry (the server, the worker and the CLIs) exits with, so a
 * script can tell a refusal from a failure: 0 done, 1 a check or the work failed, 2 a bad
 * command line, 78 (EX_CONFIG) a bad or missing environment variable.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

export interface Command {
  /** How the command is called in messages, e.g. `npm run token`. */
  name: string;
  /** The whole `--help` text. */
  help: string;
}

/** Writes one line to stderr and exits: the message, never a stack. */
export function exitWith(code: number, message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, '; ')}\n`);
  process.exit(code);
}

/** A bad command line: the problem and where to read the usage, on one line; exit 2. */
export function usageError(command: Command, problem: string): never {
  return exitWith(exitCodes.usage, `${command.name}: ${problem} (see ${command.name} -- --help)`);
}

/** A bad or missing variable: every problem on one line; exit 78. */
export function configError(command: Command, error: ConfigError): never {
  return exitWith(exitCodes.config, `${command.name}: ${error.problems.join('; ')}`);
}

/**
 * The command line, parsed strictly: `--help` (or `-h`) prints the help and exits 0; an
 * unknown option, a missing value or a stray argument is a one-line usage error (exit 2).
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(command: Command, options: O, args = process.argv.slice(2)): Values<O> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } } as ParseArgsOptionsConfig, strict: true, allowPositionals: false });
  } catch (error) {
    // node:util's messages name the option; the part after the first sentence is advice on `--` that only confuses here.
    return usageError(command, (error as Error).message.split('. To specify a positional')[0]!.replace(/\.$/, ''));
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help.trim()}\n`);
    process.exit(exitCodes.ok);
  }
  return parsed.values as Values<O>;
}

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values'];

/** Loads configuration the command needs; a ConfigError ends the command with one line (exit 78). */
export function configOrExit<T>(command: Command, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) return configError(command, error);
    throw error;
  }
}

/**
 * Runs the command's work; anything it throws ends it with one line naming the command
 * (exit 1), as a verification failure does, not a stack trace.
 */
export async function runCommand(command: Command, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    exitWith(exitCodes.failed, `${command.name}: ${describeError(error)}`);
  }
}

/**
 * A command that takes no options and rewrites one generated file of the repository (the
 * OpenAPI document, the README's configuration table): `content` is loaded only when it runs,
 * so --help needs none of what it imports.
 */
export async function writeGenerated(command: Command, target: URL, content: () => Promise<string>, what = target.pathname): Promise<void> {
  parseCommandLine(command, {});
  await runCommand(command, async () => {
    await writeFile(target, await content());
    process.stdout.write(`wrote ${what}\n`);
  });
}

/** An error and its causes in one line: drizzle's "Failed query" wraps the connection error that says why. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // A refused connection to a host with two addresses is an AggregateError without a message.
  const own = (error.message || (error instanceof AggregateError ? describeError(error.errors[0]) : error.name)).split('\n')[0]!;
  const message = `${own}${code && !own.includes(code) ? ` (${code})` : ''}`;
  return error.cause ? `${message}: ${describeError(error.cause)}` : message;
}

/** The `--help` of the server and the worker: what they are, then every variable they read. */
export function processHelp(usage: string, about: string, descriptions: Record<string, string>): string {
  const variables = Object.entries(descriptions).map(([name, description]) => `  ${name}\n      ${description}`);
  return `usage: ${usage}\n\n${about.trim()}\n\nEnvironment variables (README, "Configuration"):\n${variables.join('\n')}\n\nExit codes: 0 stopped cleanly (SIGTERM, SIGINT), 1 failed, 2 bad command line, 78 bad or missing variable.\n`;
}
