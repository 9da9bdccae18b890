import { auditCommand } from './audit-command';
import { checkCommand } from './check-command';
import { diffCommand } from './diff-command';
import { fingerprintCommand } from './fingerprint-command';
import { graphCommand } from './graph-command';
import { registryCommand } from './registry-command';
import { USAGE } from './usage';

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
  const run = COMMANDS[command];
  if (!run) {
    err(`cdk-layer-sync: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  const fail = (error: unknown) => {
    err(`cdk-layer-sync ${command}: ${(error as Error).message}`);
    return 2;
  };
  try {
    const code = run(rest, out);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}
