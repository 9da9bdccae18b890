// npm run demo: the bug and the fix, with the real `cdk synth` on examples/cross-stack-layers.
//
// 1. Copy the shared layer's source to a temporary directory, synthesize, change one line of the layer,
//    synthesize again: with the aspect, every consumer gets a new fingerprint, a new Version and a moved alias.
// 2. The same without the aspect: the consumer template does not change at all. ChildStack reads the layer through an
//    SSM parameter type, so `cdk deploy` still updates it and $LATEST gets the new layer, but no version is published
//    and the Live aliases keep running code built against the old layer.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, ConsumerView, context, copyTree, EXAMPLE_DIR, readTemplate, runCdk } from './cdk-cli';

const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');
const CHANGED_FILE = path.join('python', 'common_modules', 'module_a.py');

/** Every temporary directory the demo made (layer copies, cloud assemblies): removed when it ends. */
const temporary: string[] = [];

function synth(layerDir: string, withAspect: boolean): ConsumerView[] {
  const run = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir, layerSync: withAspect ? 'on' : 'off' })]);
  temporary.push(run.outdir);
  if (run.status !== 0) {
    throw new Error(`cdk synth failed (exit ${run.status}):\n${run.stderr}`);
  }
  return consumers(readTemplate(run.outdir, 'ChildStack'));
}

function scenario(title: string, withAspect: boolean): boolean {
  console.log(`\n=== ${title} ===`);
  const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-demo-')), 'common_modules');
  temporary.push(path.dirname(layerDir));
  copyTree(LAYER_SOURCE, layerDir);
  const before = synth(layerDir, withAspect);
  fs.appendFileSync(path.join(layerDir, CHANGED_FILE), '\n\ndef shout(name: str) -> str:\n    return greet(name).upper()\n');
  console.log(`changed the layer: appended a function to ${CHANGED_FILE} (in a temporary copy, ${layerDir}, removed at the end)`);
  const after = synth(layerDir, withAspect);

  let allMoved = true;
  for (const old of before) {
    const now = after.find(c => c.functionId === old.functionId)!;
    const moved = old.versionId !== now.versionId && now.aliasTarget === now.versionId;
    allMoved = allMoved && moved;
    console.log(`\n${old.functionId}`);
    console.log(`  fingerprint : ${old.marker ?? '(none)'} -> ${now.marker ?? '(none)'}`);
    console.log(`  version     : ${old.versionId}`);
    console.log(`             -> ${now.versionId}${old.versionId === now.versionId ? '   (unchanged)' : ''}`);
    console.log(`  Live alias  : ${old.aliasTarget}`);
    console.log(`             -> ${now.aliasTarget}`);
    console.log(`  so          : ${moved ? 'cdk deploy updates the function, publishes a version and moves Live to it'
      : 'cdk deploy updates ChildStack ($LATEST gets the new layer: CloudFormation re-reads the SSM parameter), but '
        + 'publishes no version; Live keeps running code built against the old layer'}`);
  }
  return allMoved;
}

function main(): void {
  console.log('cdk-layer-sync demo: examples/cross-stack-layers (CommonStack publishes a layer through SSM, ChildStack imports it)');
  const fixed = scenario('With Aspects.of(app).add(new LayerDependencyAspect())', true);
  const stale = !scenario('Without the aspect (the bug)', false);
  console.log('\n=== Result ===');
  console.log(`with the aspect, every consumer moved with its layer: ${fixed ? 'yes' : 'NO'}`);
  console.log(`without it, consumers stayed on the old layer:       ${stale ? 'yes (the bug)' : 'NO'}`);
  if (!fixed || !stale) {
    process.exitCode = 1;
  }
}

try {
  main();
} finally {
  for (const dir of temporary) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
