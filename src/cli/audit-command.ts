import { parseArgs } from 'util';
import { auditMarkdown, auditTable } from '../audit/audit-format';
import { auditRows } from '../audit/audit-rows';
import { loadSdk } from '../audit/aws-sdk';
import { readAccount } from '../audit/read-account';
import { readAssemblyReport, readLockFile } from './cli-inputs';
import { CliError } from './usage';

/**
 * `cdk-layer-sync audit [--region R] [--stack NAME]... [--assembly cdk.out] [--parameter NAME]... [--lock FILE]...
 * [--json | --markdown] [--fail-on-stale] [--concurrency N]`: what the account's functions and aliases really run,
 * read-only.
 */
export async function auditCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'region': { type: 'string' },
      'stack': { type: 'string', multiple: true },
      'assembly': { type: 'string' },
      'parameter': { type: 'string', multiple: true },
      'lock': { type: 'string', multiple: true },
      'json': { type: 'boolean' },
      'markdown': { type: 'boolean' },
      'fail-on-stale': { type: 'boolean' },
      'concurrency': { type: 'string' },
    },
  });
  if (positionals.length > 0) {
    throw new CliError(`unexpected argument '${positionals[0]}'; audit takes only options`);
  }
  if (values.json && values.markdown) {
    throw new CliError('--json and --markdown exclude each other');
  }
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new CliError(`--concurrency takes a whole number from 1 to 64, got '${values.concurrency}'`);
  }
  const report = values.assembly ? readAssemblyReport(values.assembly) : undefined;
  const lockEntries = (values.lock ?? []).flatMap(file => readLockFile(file).map(entry => ({ file, entry })));
  const sdk = asUsageError(loadSdk);
  const showProgress = process.stderr.isTTY === true;
  const reading = await readAccount(sdk, {
    region: values.region,
    stacks: values.stack ?? [],
    report,
    parameters: values.parameter ?? [],
    lockEntries,
    concurrency,
    progress: (done, total) => {
      if (showProgress && total > 100) {
        process.stderr.write(`\rcdk-layer-sync audit: read ${done}/${total} functions${done === total ? '\n' : ''}`);
      }
    },
  });
  const rows = auditRows(reading.functions, reading.current);
  const stale = rows.filter(r => r.status === 'stale').length;
  if (values.json) {
    out(JSON.stringify({
      region: reading.region, ok: stale === 0, rows, notes: reading.notes, apiCalls: reading.calls, apiRequests: reading.requests,
    }, undefined, 2));
  } else {
    (values.markdown ? auditMarkdown(rows) : auditTable(rows)).forEach(line => out(line));
    reading.notes.forEach(note => out(`note: ${note}`));
  }
  return values['fail-on-stale'] && stale > 0 ? 1 : 0;
}

function asUsageError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
