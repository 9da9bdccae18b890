import * as fs from 'fs';
import { parseArgs } from 'util';
import { LayerRegistry } from '../registry/layer-registry';
import { entryKey, readRegistryFile, replaceEntries, updateRegistryFile } from '../registry/registry-file';
import { CliError } from './usage';

/** `cdk-layer-sync registry add <lockfile> --parameter NAME --dir DIR [...]` */
export function registryCommand(args: string[], out: (line: string) => void): number {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'add') {
    throw new CliError(`unknown subcommand ${JSON.stringify(subcommand ?? '')}; expected 'add'`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'parameter': { type: 'string' },
      'dir': { type: 'string' },
      'account': { type: 'string' },
      'region': { type: 'string' },
      'layer-name': { type: 'string' },
      'exclude': { type: 'string', multiple: true },
      'follow-symlinks': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) {
    throw new CliError(`add: expected one lock file path, got ${positionals.length}`);
  }
  if (!values.parameter || !values.dir) {
    throw new CliError('add: --parameter NAME and --dir DIR are required');
  }
  const file = positionals[0];
  const key = entryKey({ parameterName: values.parameter, account: values.account, region: values.region });
  // Options not given keep what the entry recorded; those that change the fingerprint are used to make it.
  const stored = fs.existsSync(file) ? readRegistryFile(file).find(e => entryKey(e) === key) : undefined;
  const fresh = new LayerRegistry();
  const fingerprint = fresh.addDirectory(values.parameter, values.dir, {
    account: values.account,
    region: values.region,
    layerName: values['layer-name'] ?? stored?.layerName,
    exclude: values.exclude ?? stored?.exclude,
    followSymlinks: values['follow-symlinks'] ?? stored?.followSymlinks,
  });
  const [entry] = fresh.entries;
  updateRegistryFile(file, current => {
    const now = current.find(e => entryKey(e) === key);
    return replaceEntries(current, [{ ...now, ...entry }]);
  });
  out(`${values.parameter}: ${fingerprint} (written to ${file})`);
  return 0;
}
