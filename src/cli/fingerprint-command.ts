import { parseArgs } from 'util';
import { fingerprintDirectory } from '../fingerprint/directory-fingerprint';
import { CliError } from './usage';

/** `cdk-layer-sync fingerprint <dir> [--exclude GLOB]... [--follow-symlinks] [--no-cache]` */
export function fingerprintCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'exclude': { type: 'string', multiple: true }, 'follow-symlinks': { type: 'boolean' }, 'no-cache': { type: 'boolean' } },
  });
  if (positionals.length !== 1) {
    throw new CliError(`expected one directory, got ${positionals.length}`);
  }
  out(fingerprintDirectory(positionals[0], { exclude: values.exclude, followSymlinks: values['follow-symlinks'], cache: !values['no-cache'] }));
  return 0;
}
