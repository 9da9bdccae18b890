import * as fs from 'fs';
import * as path from 'path';
import { REPORT_FILE } from './layer-dependency-report';
import { LayerAssetRecord, LayerDependencyReport } from './report-shape';
import { validateReport } from './validate-report';

/**
 * The `layer-dependencies.json` of a synthesized cloud assembly directory.
 * @throws naming the directory or file, and what to do, when there is no assembly, no report, or it is not JSON
 */
export function readReport(assembly: string): LayerDependencyReport {
  const directory = path.resolve(assembly);
  if (!fs.existsSync(directory)) {
    throw new Error(`no cloud assembly at '${directory}'; run \`cdk synth\` first, or pass the assembly directory`);
  }
  if (!isFile(path.join(directory, 'manifest.json'))) {
    throw new Error(`'${directory}' is not a cloud assembly (no manifest.json file); pass the directory \`cdk synth\` wrote`);
  }
  const file = path.join(directory, REPORT_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`'${directory}' has no ${REPORT_FILE}; add the aspect to the app `
      + '(Aspects.of(app).add(new LayerDependencyAspect())) and run `cdk synth` again');
  }
  let data: unknown;
  try {
    if (!fs.statSync(file).isFile()) {
      throw new Error('it is not a regular file');
    }
    data = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (error) {
    throw new Error(`cannot read '${file}': ${(error as Error).message}`);
  }
  return validateReport(file, data);
}

/**
 * The layer assets the previous synthesis into this cloud assembly directory recorded in its report, by layer
 * path; empty on a first synthesis, or when the report cannot be read (nothing to compare with is no error).
 */
export function previousLayerAssets(assemblyDirectory: string | undefined): Map<string, LayerAssetRecord> {
  const byLayer = new Map<string, LayerAssetRecord>();
  if (!assemblyDirectory) {
    return byLayer;
  }
  try {
    const file = path.join(assemblyDirectory, REPORT_FILE);
    if (!fs.statSync(file).isFile()) {
      return byLayer;
    }
    const report = JSON.parse(fs.readFileSync(file, 'utf-8')) as Partial<LayerDependencyReport>;
    for (const record of Array.isArray(report.layerAssets) ? report.layerAssets : []) {
      if (typeof record?.layer === 'string' && typeof record.assetHash === 'string' && typeof record.fingerprint === 'string') {
        byLayer.set(record.layer, record);
      }
    }
  } catch {
    // First synthesis, or an older report: nothing to compare with.
  }
  return byLayer;
}

/** True when `file` is a regular file (following links); false when it is anything else or cannot be reached. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
