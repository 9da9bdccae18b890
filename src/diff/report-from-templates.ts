import * as fs from 'fs';
import * as path from 'path';
import { AssemblyTemplates } from '../report/assembly-templates';
import { REPORT_FILE } from '../report/layer-dependency-report';
import { LayerDependencyReport } from '../report/report-shape';

/** True when a cloud assembly directory holds `layer-dependencies.json`: it was synthesized with cdk-layer-sync. */
export function hasReport(assembly: string): boolean {
  return fs.existsSync(path.join(assembly, REPORT_FILE));
}

/**
 * What an assembly synthesized without cdk-layer-sync (the main branch, before the line is added) says of the
 * functions the `after` report lists, read from its templates: the same layers and producers (adding the line changes
 * no layer), no fingerprint in any function, and each function's Versions as that template declares them. Compared with
 * `after`, every followed function then shows as moving once, to its first fingerprint.
 *
 * @throws naming the directory when it is not a cloud assembly
 */
export function reportFromTemplates(assembly: string, after: LayerDependencyReport): LayerDependencyReport {
  const directory = path.resolve(assembly);
  if (!fs.existsSync(path.join(directory, 'manifest.json'))) {
    throw new Error(`'${directory}' is not a cloud assembly (no manifest.json file); pass the directory \`cdk synth\` wrote`);
  }
  const templates = new AssemblyTemplates(directory);
  return {
    version: after.version,
    producers: after.producers,
    consumers: after.consumers.filter(c => templates.hasStack(c.stackPath)).map(c => ({
      ...c,
      versions: templates.versionsOf(c),
      aliases: [],
      layers: c.layers.map(l => ({ ...l, fingerprint: undefined })),
    })),
    staleEntries: [],
    findings: [],
  };
}
