import * as fs from 'fs';
import * as path from 'path';
import { nearest } from '../names/nearest-name';
import { auditCommand } from './audit-command';
import { checkCommand } from './check-command';
import { diffCommand } from './diff-command';
import { fingerprintCommand } from './fingerprint-command';
import { graphCommand } from './graph-command';
import { registryCommand } from './registry-command';
import { commandHelp, commandOptions, repeatableOptions, USAGE } from './usage';

const COMMANDS: Record<string, (args: string[], out: (line: string) => void) => number | Promise<number>> = {
  fingerprint: fingerprintCommand,
  registry: registryCommand,
  check: checkCommand,
  diff: diffCommand,
  graph: graphCommand,
  audit: auditCommand,
};

/**
 * Run the CLI with the given arguments; returns the exit code (a promise of it for `audit`, which reads an AWS
 * account). Usage and input errors (a `CliError`, a bad option, a missing directory, an AWS error...) print one line
 * naming the command to `err` and return 2.
 */
export function main(
  args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error,
): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    out(version());
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    const guess = nearest(command, Object.keys(COMMANDS));
    err(`cdk-layer-sync: unknown command '${command}'${guess ? `; did you mean '${guess}'?` : ''}\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(commandHelp(command) ?? USAGE);
    return 0;
  }
  const fail = (error: unknown) => {
    const e = error as Error & { code?: string };
    const unknownOption = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(--?[^']+)'/.exec(e.message)?.[1] : undefined;
    const guess = unknownOption ? nearest(unknownOption, commandOptions(command)) : undefined;
    err(`cdk-layer-sync ${command}: ${e.message}${guess ? ` (did you mean '${guess}'?)` : ''}`);
    return 2;
  };
  // parseArgs keeps the last of an option given twice: a second --region or --json would be lost in silence.
  const repeatable = repeatableOptions(command);
  const given = rest.filter(a => a.startsWith('--')).map(a => a.split('=')[0]);
  const twice = given.find((option, i) => given.indexOf(option) !== i && !repeatable.includes(option));
  if (twice) {
    return fail(new Error(`${twice} given twice; it takes one value${repeatable.length > 0 ? ` (repeatable: ${repeatable.join(', ')})` : ''}`));
  }
  try {
    const code = run(rest, out);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

/** The package's version, from its package.json (two levels up from src/cli and from lib/cli alike). */
function version(): string {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version;
}
