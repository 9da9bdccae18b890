import * as fs from 'fs';
import { parseArgs } from 'util';
import { LayerRegistry } from '../registry/layer-registry';
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
  const registry = fs.existsSync(file) ? LayerRegistry.fromFile(file) : new LayerRegistry();
  const fingerprint = registry.addDirectory(values.parameter, values.dir, {
    account: values.account,
    region: values.region,
    layerName: values['layer-name'],
    exclude: values.exclude,
    followSymlinks: values['follow-symlinks'],
  });
  registry.writeFile(file);
  out(`${values.parameter}: ${fingerprint} (written to ${file})`);
  return 0;
}
