import * as fs from 'fs';
import * as path from 'path';
import { REPORT_FILE } from './layer-dependency-report';
import { LayerAssetRecord, PreviousLayerAssets } from '../facts/layer-asset-record';
import { LayerDependencyReport } from './report-shape';
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
    throw new Error(`'${directory}' has no ${REPORT_FILE}; add the aspect to the app, right after creating it `
      + '(TypeScript: `LayerDependencyAspect.addToApp(app)`; Python: `LayerDependencyAspect.add_to_app(app)`; the README\'s '
      + 'quick start), and run `cdk synth` again');
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
 * The layer assets the previous synthesis into this cloud assembly directory recorded in its report, by layer path.
 * No report is a first synthesis (nothing to compare with, no error); a report that is there but cannot be read is
 * said in `unreadable`, for the synthesis to report.
 */
export function previousLayerAssets(assemblyDirectory: string | undefined): PreviousLayerAssets {
  const records = new Map<string, LayerAssetRecord>();
  const file = assemblyDirectory === undefined ? undefined : path.join(assemblyDirectory, REPORT_FILE);
  if (file === undefined || !fs.existsSync(file)) {
    return { records };
  }
  let report: Partial<LayerDependencyReport>;
  try {
    if (!fs.statSync(file).isFile()) {
      throw new Error('it is not a regular file');
    }
    report = JSON.parse(fs.readFileSync(file, 'utf-8')) as Partial<LayerDependencyReport>;
  } catch (error) {
    return { records, unreadable: `${file} cannot be read: ${(error as Error).message}` };
  }
  for (const record of Array.isArray(report?.layerAssets) ? report.layerAssets : []) {
    if (typeof record?.layer === 'string' && typeof record.assetHash === 'string' && typeof record.fingerprint === 'string') {
      records.set(record.layer, record);
    }
  }
  return { records };
}

/** True when `file` is a regular file (following links); false when it is anything else or cannot be reached. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
