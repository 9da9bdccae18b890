import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { graphAsDot, graphAsJson, graphAsMermaid } from '../graph/graph-format';
import { buildGraph } from '../graph/layer-graph';
import { readAssemblyReport, readLockFile } from './cli-inputs';
import { CliError } from './usage';

const FORMATS: Record<string, (graph: ReturnType<typeof buildGraph>) => string> = {
  mermaid: graphAsMermaid,
  dot: graphAsDot,
  json: graphAsJson,
};

/** `cdk-layer-sync graph [cdk.out]... [--lock FILE]... [--format mermaid|dot|json]` */
export function graphCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'mermaid' }, lock: { type: 'string', multiple: true } },
  });
  const format = FORMATS[values.format!];
  if (!format) {
    throw new CliError(`--format must be one of ${Object.keys(FORMATS).join(', ')}, got '${values.format}'`);
  }
  // Lock files first: their errors are the user's to see, and `--lock FILE` alone graphs them without an assembly.
  const lockFiles = (values.lock ?? []).map(file => ({ file, entries: readLockFile(file) }));
  const assemblies = positionals.length > 0 ? positionals
    : lockFiles.length > 0 && !fs.existsSync('cdk.out') ? [] : ['cdk.out'];
  const apps = assemblies.map(a => ({ name: path.relative(process.cwd(), path.resolve(a)) || '.', report: readAssemblyReport(a) }));
  const graph = buildGraph(apps, lockFiles);
  out(format(graph));
  if (graph.omittedLockEntries) {
    process.stderr.write(`graph: ${graph.omittedLockEntries} lock file entries are left out: no consumer of the given `
      + 'apps reads their parameter (graph --lock FILE alone draws them all)\n');
  }
  return 0;
}
