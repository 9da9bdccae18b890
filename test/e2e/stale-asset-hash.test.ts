// End to end: aws-cdk-lib's fingerprint cache (aws/aws-cdk#38500) with the real cdk CLI. A layer directory as
// unzip or tar leave it (fixed modification times) gets a same-size edit with its mtime restored; CDK keeps the
// old asset hash, and the aspect says so on the second synthesis into the same cloud assembly directory.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { context, copyTree, EXAMPLE_DIR, readTemplate, runCdk } from '../../scripts/cdk-cli';
import { HAS_CDK_FINGERPRINT_CACHE, testWhen } from '../helpers/cdk-version';

const ZIP_EPOCH = new Date('1980-01-01T00:00:00Z');

function extractedLayer(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-stale-')), 'common_modules');
  copyTree(path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules'), dir);
  for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
    fs.utimesSync(path.join(dir, file), ZIP_EPOCH, ZIP_EPOCH);
  }
  return dir;
}

function layerContent(outdir: string): unknown {
  const layer = Object.values(readTemplate(outdir, 'CommonStack').Resources).find(r => r.Type === 'AWS::Lambda::LayerVersion')!;
  return layer.Properties!.Content;
}

describe('GIVEN a layer directory with fixed modification times, synthesized twice into one cdk.out', () => {
  // A home of its own: CDK's fingerprint cache lives in ~/.cdk, this library's in CDK_LAYER_SYNC_CACHE_DIR.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-home-'));
  const env = { HOME: home, CDK_LAYER_SYNC_CACHE_DIR: path.join(home, 'layer-sync-cache') };

  function synthTwice(edit: (layerDir: string) => void) {
    const layerDir = extractedLayer();
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-stale-out-'));
    const first = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })], EXAMPLE_DIR, outdir, env);
    const contentBefore = layerContent(outdir);
    edit(layerDir);
    const second = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })], EXAMPLE_DIR, outdir, env);
    const again = () => runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })], EXAMPLE_DIR, outdir, env);
    return { first, second, contentBefore, outdir, again };
  }

  const sameSizeEdit = (layerDir: string) => {
      const file = path.join(layerDir, 'python', 'common_modules', 'module_a.py');
      const text = fs.readFileSync(file, 'utf-8');
      const changed = text.replace(/\w/, c => (c === 'x' ? 'y' : 'x'));
      expect(changed.length).toBe(text.length);
      fs.writeFileSync(file, changed);
      fs.utimesSync(file, ZIP_EPOCH, ZIP_EPOCH);
  };

  testWhen(HAS_CDK_FINGERPRINT_CACHE)('WHEN a same-size edit keeps the mtime THEN CDK reuses the asset hash and the aspect reports '
    + 'StaleAssetHash, again on a retry', () => {
    const { first, second, contentBefore, outdir, again } = synthTwice(sameSizeEdit);
    expect(first.status).toBe(0);
    expect(first.stdout + first.stderr).not.toContain('StaleAssetHash');
    // The bug, as aws-cdk-lib has it: the same S3 key for changed content.
    expect(layerContent(outdir)).toEqual(contentBefore);
    expect(second.status).not.toBe(0);
    const output = second.stdout + second.stderr;
    expect(output).toContain('cdk-layer-sync:StaleAssetHash: layer version CommonStack/SampleCommonModulesLayer keeps CDK\'s asset hash');
    expect(output).toContain('aws/aws-cdk#38500');
    expect(output).toContain('delete ~/.cdk/cache/fingerprints');
    // The failed run recorded the layer; a retry must not pass with the old S3 key.
    const retry = again();
    expect(retry.status).not.toBe(0);
    expect(retry.stdout + retry.stderr).toContain('cdk-layer-sync:StaleAssetHash: layer version CommonStack/SampleCommonModulesLayer');
  });

  testWhen(!HAS_CDK_FINGERPRINT_CACHE)('WHEN CDK has no fingerprint cache THEN the same edit gets a new asset hash and nothing is reported', () => {
    const { second, contentBefore, outdir } = synthTwice(sameSizeEdit);
    expect(second.status).toBe(0);
    expect(layerContent(outdir)).not.toEqual(contentBefore);
    expect(second.stdout + second.stderr).not.toContain('StaleAssetHash');
  });

  test('WHEN nothing changed THEN the second synthesis reports nothing', () => {
    const { first, second } = synthTwice(() => undefined);
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(second.stdout + second.stderr).not.toContain('StaleAssetHash');
  });
});
