import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { readRegistryFile } from '../registry/registry-file';
import { readReport } from '../report/read-report';
import { LayerDependencyReport } from '../report/report-shape';
import { CliError } from './usage';

/** Run a reader of the user's input; what it cannot read is a usage error (exit 2), with its own message. */
export function readInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** The `layer-dependencies.json` of a cloud assembly directory the user named. */
export function readAssemblyReport(assembly: string): LayerDependencyReport {
  return readInput(() => readReport(assembly));
}

/** The entries of a lock file the user named. */
export function readLockFile(file: string): LayerRegistryEntry[] {
  return readInput(() => readRegistryFile(file));
}
