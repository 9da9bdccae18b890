// One measured directory fingerprint, in a process of its own (as each `cdk synth` is): prints the seconds the
// call took as JSON. Module loading is not measured, for either side.
// Usage: fingerprint-worker <tree> <ours-cold|ours-warm|cdk-cold|cdk-warm>
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileSystem } from 'aws-cdk-lib';
import { LayerFingerprint } from '../../src';
import { cacheDirectory } from '../../src/fingerprint/fingerprint-cache';

const [tree, mode] = process.argv.slice(2);
const exclude = ['.complete'];

/** aws-cdk-lib (2.254+) caches file hashes by (inode, mtime, size) in ~/.cdk/cache/fingerprints. */
function clearCdkCache(): void {
  const key = createHash('sha256').update(path.resolve(tree)).digest('hex').slice(0, 16);
  fs.rmSync(path.join(os.homedir(), '.cdk', 'cache', 'fingerprints', `${key}.json`), { force: true });
}

const run: Record<string, () => string> = {
  'ours-cold': () => LayerFingerprint.ofDirectory(tree, { exclude }),
  'ours-warm': () => LayerFingerprint.ofDirectory(tree, { exclude }),
  'cdk-cold': () => FileSystem.fingerprint(tree, { exclude }),
  'cdk-warm': () => FileSystem.fingerprint(tree, { exclude }),
};
if (mode === 'ours-cold') {
  fs.rmSync(cacheDirectory(), { recursive: true, force: true });
}
if (mode === 'cdk-cold') {
  clearCdkCache();
}
const start = process.hrtime.bigint();
const fingerprint = run[mode]();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, fingerprint }));
