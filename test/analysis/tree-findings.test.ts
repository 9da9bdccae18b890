import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { LayerSyncPlan } from '../../src/analysis/layer-sync-plan';
import { publishedLayersOf, treeFindings } from '../../src/analysis/tree-findings';
import { TreeFacts } from '../../src/facts/tree-facts';
import { NODE_CONTEXT } from '../../src/cdk-internals/node-context';
import { ConsumerStack, newApp, ProducerStack } from '../helpers/apps';
import { buildPowertoolsShapedApp } from '../helpers/reports';

/** The facts of an app, gathered the way the pack's plan gathers them. */
function factsOf(app: App, changes: TreeFacts['changedInternals'] = [], ownLockFile?: string): TreeFacts {
  const plan = new LayerSyncPlan(app);
  const constructs = app.node.findAll();
  const consumers = constructs.filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::Lambda::Function')
    .map(fn => plan.consumer(fn));
  return {
    constructs, consumers, publishedLayers: publishedLayersOf(plan.producers), pipelineStacks: plan.pipelineStacks, ownLockFile,
    changedInternals: changes,
  };
}

describe('treeFindings', () => {
  test('a layer destroyed on update: shared with another stack, it is a finding on the layer, naming the stack', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    new ConsumerStack(app, 'Consumer');
    const findings = treeFindings(factsOf(app));
    expect(findings.map(f => [f.definition.id, f.scope.node.path, f.resource?.node.path])).toEqual([
      ['cdk-layer-sync:LayerVersionNotRetained', 'Producer/Layer', 'Producer/Layer/Resource'],
    ]);
    expect(findings[0].message).toContain('functions in Consumer');
    expect(producer.layer.node.defaultChild).toBe(findings[0].resource);
  });

  test('published to the lock file the app writes, it is shared with other apps even without a consumer here', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    expect(treeFindings(factsOf(app))).toEqual([]);
    const [finding] = treeFindings(factsOf(app, [], '/repo/layers.lock.json'));
    expect(finding.message).toContain('other CDK apps through /repo/layers.lock.json');
  });

  test('every layer a condition can pick counts as published (the Powertools shape): each one names the lock file', () => {
    const app = newApp();
    buildPowertoolsShapedApp(app, 'X = 1\n', 'A = 1\n');
    const findings = treeFindings(factsOf(app, [], '/repo/layers.lock.json'));
    expect(findings.filter(f => f.message.includes('/repo/layers.lock.json')).map(f => f.scope.node.path).sort())
      .toEqual(['Layers/Arm', 'Layers/X86']);
  });

  test('a changed internal read on the App is shown on the first stack and flagged on its first resource', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new Stack(app, 'Later');
    const [finding] = treeFindings(factsOf(app, [{ scope: app, internal: NODE_CONTEXT, found: 'there is no getAllContext' }]));
    expect(finding.definition.id).toBe('cdk-layer-sync:UnsupportedCdkRelease');
    expect(finding.scope.node.path).toBe('Producer');
    expect(finding.resource?.node.path).toBe('Producer/Layer/Resource');
  });

  test('pure: the same facts give the same findings, and the tree is not changed', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY });
    new ConsumerStack(app, 'Consumer');
    const facts = factsOf(app);
    const before = app.node.findAll().length;
    const messages = (run: ReturnType<typeof treeFindings>) => run.map(f => f.message);
    expect(messages(treeFindings(facts))).toEqual(messages(treeFindings(facts)));
    expect(app.node.findAll().length).toBe(before);
  });
});
