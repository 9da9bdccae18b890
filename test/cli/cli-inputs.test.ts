import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAssemblyReport, readLockFile } from '../../src/cli/cli-inputs';
import { CliError } from '../../src/cli/usage';

describe('cli inputs', () => {
  test('a missing assembly is a usage error naming the path', () => {
    const missing = path.join(os.tmpdir(), 'cls-no-assembly-here');
    expect(() => readAssemblyReport(missing)).toThrow(CliError);
    expect(() => readAssemblyReport(missing)).toThrow(`no cloud assembly at '${missing}'`);
  });

  test('a lock file that is not JSON is a usage error naming the file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-lock-')), 'layers.lock.json');
    fs.writeFileSync(file, '{ not json');
    expect(() => readLockFile(file)).toThrow(CliError);
    expect(() => readLockFile(file)).toThrow(`layer registry file '${file}' is not valid JSON`);
  });
});
