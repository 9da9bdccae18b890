import * as fs from 'fs';
import { parseArgs } from 'util';
import { diffAsJson, diffAsMarkdown, diffAsTable } from '../diff/diff-format';
import { diffReports } from '../diff/layer-diff';
import { hasReport, reportFromTemplates } from '../diff/report-from-templates';
import { readAssemblyReport, readInput } from './cli-inputs';
import { CliError } from './usage';

/**
 * `cdk-layer-sync diff <before cdk.out> <after cdk.out> [<before> <after>]... [--json|--markdown]
 * [--fail-on-not-following]`: several pairs compare several apps (a layer app and its service apps) at once.
 */
export function diffCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'json': { type: 'boolean' }, 'markdown': { type: 'boolean' }, 'fail-on-not-following': { type: 'boolean' },
      'include-acknowledged': { type: 'boolean' },
    },
  });
  if (positionals.length === 0 || positionals.length % 2 !== 0) {
    throw new CliError(`expected pairs of cloud assembly directories (before after), got ${positionals.length} path(s)`);
  }
  if (values.json && values.markdown) {
    throw new CliError('choose one of --json and --markdown');
  }
  const after = positionals.filter((_, i) => i % 2 === 1).map(readAssemblyReport);
  // A `before` without a report was synthesized without the line (the main branch of the first pull request that
  // adds it): its templates are compared with what the line makes of the same app.
  const beforeDirectories = positionals.filter((_, i) => i % 2 === 0);
  const withoutReport = beforeDirectories.filter(directory => fs.existsSync(directory) && !hasReport(directory));
  const before = beforeDirectories.map((directory, i) => (withoutReport.includes(directory)
    ? readInput(() => reportFromTemplates(directory, after[i])) : readAssemblyReport(directory)));
  const diff = diffReports(before, after, { withoutReport });
  out(values.json ? diffAsJson(diff) : values.markdown ? diffAsMarkdown(diff) : diffAsTable(diff));
  // An acknowledged finding is shown, and fails nothing (as in check), unless --include-acknowledged.
  const failing = diff.notFollowing.filter(n => !n.acknowledged || values['include-acknowledged'] === true);
  return values['fail-on-not-following'] && failing.length > 0 ? 1 : 0;
}
