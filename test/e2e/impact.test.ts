// End to end: `cdk-layer-sync diff` and `graph` on cloud assemblies the real `cdk` CLI wrote.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumers, context, copyTree, EXAMPLE_DIR, readTemplate, REPO_ROOT, runCdk } from '../../scripts/cdk-cli';
import { runCli } from '../helpers/cli';
import { platformApp, strongReferenceApp } from '../helpers/reports';

const LAYER_SOURCE = path.join(EXAMPLE_DIR, 'functions', 'src', 'lambda_layers', 'common_modules');
const MULTI_APP = path.join(REPO_ROOT, 'examples', 'multi-app');

describe('the first pull request: diff from the main example synthesized without the aspect to the same app with it', () => {
  const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-first-pr-')), 'common_modules');
  copyTree(LAYER_SOURCE, layerDir);
  const main = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir, layerSync: 'off' })]).outdir;
  const pullRequest = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })]).outdir;

  test('lists every consumer the line makes move, with the Version it moves to, and says what it compared', () => {
    const result = runCli(['diff', main, pullRequest, '--json']);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.withoutReport).toEqual([main]);
    expect(diff.changedLayers).toEqual([]);
    expect(diff.moved.map((m: any) => [m.function, m.before])).toEqual([
      ['ChildStack/ChildHogeLambdaFunction', undefined], ['ChildStack/ChildHugaLambdaFunction', undefined],
    ]);
    // Each moves to the Version the pull request's template holds, which is not the main branch's.
    const now = consumers(readTemplate(pullRequest, 'ChildStack'));
    const was = consumers(readTemplate(main, 'ChildStack'));
    expect(diff.moved.flatMap((m: any) => m.versions).sort()).toEqual(now.map(f => f.versionId).sort());
    expect(now.map(f => f.versionId).filter(id => was.some(w => w.versionId === id))).toEqual([]);
    const table = runCli(['diff', main, pullRequest]).stdout;
    expect(table).toContain(`${main} has no layer-dependencies.json (synthesized without cdk-layer-sync): its templates are compared`);
    expect(table).toContain('Moved (will be updated; a function with versions gets a new one, and its aliases follow): 2');
  });

  test('lists every consumer the line cannot follow, whatever changed', () => {
    const orphanMain = platformApp('VALUE = 1\n');
    const bare = bareAssemblyOf(orphanMain.outdir);
    const diff = JSON.parse(runCli(['diff', bare, orphanMain.outdir, '--json']).stdout);
    expect(diff.notFollowing.map((n: any) => [n.function, n.status, n.finding])).toEqual([
      ['Cached/Fn', 'cached-lookup', 'cdk-layer-sync:CachedLayerLookup'],
      ['Orphan/Consumer', 'unhashed', 'cdk-layer-sync:UnhashedConsumer'],
    ]);
  });
});

/** A copy of an assembly without its report: what a synthesis without the aspect leaves for the same stacks. */
function bareAssemblyOf(outdir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bare-'));
  fs.cpSync(outdir, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'layer-dependencies.json'));
  return copy;
}

describe('cdk-layer-sync diff on the cross-stack example, before and after a layer change', () => {
  const layerDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-impact-')), 'common_modules');
  copyTree(LAYER_SOURCE, layerDir);
  const before = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })]).outdir;
  fs.appendFileSync(path.join(layerDir, 'python', 'common_modules', 'module_b.py'), '\nTRIPLE = 3\n');
  const after = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir })]).outdir;
  const childFunctions = consumers(readTemplate(after, 'ChildStack'));

  test('lists both consumers as moved, with the Version each moves to, and nothing else', () => {
    const result = runCli(['diff', before, after, '--json']);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.changedLayers.map((c: any) => [c.change, c.parameterName, c.producer])).toEqual([
      ['changed', 'CommonModulesLayerVersionArn', 'CommonStack/SampleCommonModulesLayer'],
    ]);
    expect(diff.moved.map((m: any) => m.function)).toEqual(['ChildStack/ChildHogeLambdaFunction', 'ChildStack/ChildHugaLambdaFunction']);
    // The versions the report names are the ones the synthesized template holds.
    expect(diff.moved.flatMap((m: any) => m.versions).sort()).toEqual(childFunctions.map(f => f.versionId).sort());
    expect(diff.notFollowing).toEqual([]);
  });

  test('--markdown and the table carry the same facts as --json', () => {
    const json = JSON.parse(runCli(['diff', before, after, '--json']).stdout);
    const facts = [json.changedLayers[0].before, json.changedLayers[0].after, ...json.moved.flatMap((m: any) => [m.function, ...m.versions])];
    for (const args of [['--markdown'], []]) {
      const text = runCli(['diff', before, after, ...args]).stdout;
      for (const fact of facts) {
        expect(text).toContain(fact);
      }
    }
  });

  test('identical assemblies: "no layer changed"', () => {
    const result = runCli(['diff', after, after]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('no layer changed');
  });

  test('--fail-on-not-following exits 1 when a consumer of the changed layer will not move', () => {
    const v1 = platformApp('VALUE = 1\n').outdir;
    const v2 = platformApp('VALUE = 2\n').outdir;
    const result = runCli(['diff', v1, v2, '--fail-on-not-following']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Not following (will keep the old layer): 2');
    expect(runCli(['diff', v1, v2]).status).toBe(0);
  });

  test('a layer passed by strong references: the change is printed, and --fail-on-not-following exits 1 naming each consumer', () => {
    const v1 = strongReferenceApp('VALUE = 1\n').outdir;
    const v2 = strongReferenceApp('VALUE = 2\n').outdir;
    const result = runCli(['diff', v1, v2, '--fail-on-not-following']);
    expect(result.stdout).not.toContain('no layer changed');
    expect(result.stdout).toMatch(/changed\s+\(strong reference\)\s+-\s+Layers\/Layer/);
    expect(result.stdout).toMatch(/Not following \(will keep the old layer\): 2/);
    expect(result.stdout).toMatch(/Orders\s+Orders\/Fn\s+Layers\/Layer\s+exported\s+cdk-layer-sync:ExportedLayerArn/);
    expect(result.status).toBe(1);
  });

  test('--fail-on-not-following exits 0 when the consumers that do not follow read another layer', () => {
    const orphanBefore = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir, withOrphan: 'true' })]).outdir;
    fs.appendFileSync(path.join(layerDir, 'python', 'common_modules', 'module_b.py'), '\nQUAD = 4\n');
    const orphanAfter = runCdk(['synth', '--quiet', ...context({ layerSourceDir: layerDir, withOrphan: 'true' })]).outdir;
    // The orphan reads another parameter: it does not follow, but it is no consumer of this layer.
    expect(runCli(['diff', orphanBefore, orphanAfter, '--fail-on-not-following']).status).toBe(0);
  });

  test('a missing assembly exits 2, naming the path', () => {
    const missing = path.join(os.tmpdir(), 'cls-no-such-assembly');
    const result = runCli(['diff', missing, after]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`no cloud assembly at '${missing}'`);
  });

  test('graph --format mermaid and --format dot draw the producer, both consumers and their edges', () => {
    const mermaid = runCli(['graph', after, '--format', 'mermaid']);
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).toContain('CommonStack/SampleCommonModulesLayer');
    expect(mermaid.stdout).toContain('ChildStack/ChildHogeLambdaFunction');
    expect(mermaid.stdout.match(/ -->\|/g)).toHaveLength(2);
    const dot = runCli(['graph', after, '--format', 'dot']);
    expect(dot.stdout).toMatch(/^digraph layers/);
    expect(dot.stdout.match(/ -> n\d+ \[label="[0-9a-f]{12}"\]/g)).toHaveLength(2);
  });
});

describe('cdk-layer-sync on examples/multi-app (two apps, one lock file)', () => {
  const layerApp = runCdk(['synth', '--quiet', ...context({ registryOutput: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-lock-')), 'l.json') })],
    path.join(MULTI_APP, 'layer-app')).outdir;
  const serviceApp = runCdk(['synth', '--quiet'], path.join(MULTI_APP, 'service-app')).outdir;

  test('graph draws both apps in one picture: the service function hangs off the layer app\'s layer', () => {
    const result = runCli(['graph', layerApp, serviceApp, '--format', 'json']);
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout);
    const layer = graph.nodes.find((n: any) => n.kind === 'producer');
    const fn = graph.nodes.find((n: any) => n.kind === 'consumer');
    expect(layer.label).toContain('/platform/layers/tools/arn');
    expect(graph.nodes.filter((n: any) => n.kind === 'registry')).toEqual([]);
    expect(graph.edges).toEqual([{ from: layer.id, to: fn.id, followed: true, label: expect.stringMatching(/^[0-9a-f]{12}$/) }]);
  });

  test('with only the service app and the lock file, the layer is drawn as a registry entry', () => {
    const result = runCli(['graph', serviceApp, '--lock', path.join(MULTI_APP, 'layers.lock.json'), '--format', 'json']);
    const graph = JSON.parse(result.stdout);
    expect(graph.nodes.filter((n: any) => n.kind === 'registry')).toHaveLength(1);
    expect(graph.edges.filter((e: any) => e.followed)).toHaveLength(1);
  });
});
