import { diffReports } from '../../src/diff/layer-diff';
import { PARAMETER } from '../helpers/apps';
import { HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';
import { platformApp, POWERTOOLS_ARM_PARAMETER, POWERTOOLS_ARN_PARAMETER, powertoolsReport, strongReferenceApp, weakReferenceApp } from '../helpers/reports';

describe('diffReports, on the reports of real syntheses', () => {
  const v1 = platformApp('VALUE = 1\n').report;
  const v2 = platformApp('VALUE = 2\n').report;

  test('a changed layer: its producer, environment, old and new fingerprint', () => {
    const { changedLayers } = diffReports([v1], [v2]);
    expect(changedLayers).toHaveLength(1);
    const [change] = changedLayers;
    expect(change).toMatchObject({
      change: 'changed', parameterName: PARAMETER, account: '111111111111', region: 'eu-west-1', producer: 'Layers/Layer',
    });
    expect(change.before).toBe(v1.producers[0].fingerprint!.slice(0, 12));
    expect(change.after).toBe(v2.producers[0].fingerprint!.slice(0, 12));
  });

  test('moved: every tracked consumer, with its version and aliases, and nothing else', () => {
    const { moved } = diffReports([v1], [v2]);
    expect(moved.map(m => m.function)).toEqual(['Billing/Consumer', 'Orders/Consumer']);
    for (const m of moved) {
      expect(m.layer).toBe(PARAMETER);
      expect(m.aliases).toEqual(['Live']);
      expect(m.versions).toHaveLength(1);
      expect(m.versions[0]).toMatch(/^ConsumerCurrentVersion/);
      expect(m.after).not.toBe(m.before);
    }
  });

  test('notFollowing: the pinned and the cached-lookup consumers of the changed layer, with their findings', () => {
    const { notFollowing } = diffReports([v1], [v2]);
    expect(notFollowing).toEqual([
      { stack: 'Cached', function: 'Cached/Fn', parameterName: PARAMETER, status: 'cached-lookup', finding: 'cdk-layer-sync:CachedLayerLookup' },
      { stack: 'Pinned', function: 'Pinned/Fn', parameterName: PARAMETER, status: 'pinned', finding: undefined },
    ]);
  });

  test('identical syntheses: nothing changed, nothing listed', () => {
    expect(diffReports([v1], [platformApp('VALUE = 1\n').report])).toEqual({ changedLayers: [], moved: [], notFollowing: [], findings: [] });
  });

  test('a layer added, and one removed', () => {
    const without = platformApp('VALUE = 1\n', false).report;
    expect(diffReports([without], [v1]).changedLayers.map(c => c.change)).toEqual(['added']);
    expect(diffReports([v1], [without]).changedLayers.map(c => c.change)).toEqual(['removed']);
  });

  testWhen(HAS_WEAK_REFERENCES)('a layer reached by weak references: one change, named by its producing layer, and its consumers moved', () => {
    const before = weakReferenceApp('VALUE = 1\n');
    const after = weakReferenceApp('VALUE = 2\n');
    const diff = diffReports([before.report], [after.report]);
    expect(diff.changedLayers).toEqual([{
      change: 'changed', via: 'weak-reference', producer: 'Layers/Layer', before: before.layerFingerprint, after: after.layerFingerprint,
    }]);
    expect(diff.moved.map(m => m.function)).toEqual(['Billing/Fn', 'Orders/Fn']);
    expect(diffReports([before.report], [weakReferenceApp('VALUE = 1\n').report]).changedLayers).toEqual([]);
  });

  testWhen(HAS_WEAK_REFERENCES)('a layer behind a parameter that consumers also reach by weak references is listed once, by its parameter', () => {
    const diff = diffReports([weakReferenceApp('VALUE = 1\n', true).report], [weakReferenceApp('VALUE = 2\n', true).report]);
    expect(diff.changedLayers.map(c => [c.via, c.parameterName, c.producer])).toEqual([['ssm-parameter', PARAMETER, 'Layers/Layer']]);
    expect(diff.moved.map(m => m.function)).toEqual(['Billing/Fn', 'Orders/Fn']);
  });

  test('a layer passed by strong references: the change is listed, and every consumer as not following', () => {
    const before = strongReferenceApp('VALUE = 1\n');
    const after = strongReferenceApp('VALUE = 2\n');
    const diff = diffReports([before.report], [after.report]);
    expect(diff.changedLayers).toEqual([{
      change: 'changed', via: 'strong-reference', producer: 'Layers/Layer', before: before.layerFingerprint, after: after.layerFingerprint,
    }]);
    expect(diff.moved).toEqual([]);
    expect(diff.notFollowing.map(n => [n.function, n.parameterName, n.status, n.finding])).toEqual([
      ['Billing/Fn', 'Layers/Layer', 'exported', 'cdk-layer-sync:ExportedLayerArn'],
      ['Orders/Fn', 'Layers/Layer', 'exported', 'cdk-layer-sync:ExportedLayerArn'],
    ]);
    expect(diffReports([before.report], [strongReferenceApp('VALUE = 1\n').report]))
      .toEqual({ changedLayers: [], moved: [], notFollowing: [], findings: expect.any(Array) });
  });

  test('a layer behind a parameter that some consumers take by strong reference is listed once, by its parameter', () => {
    const before = strongReferenceApp('VALUE = 1\n', true);
    const after = strongReferenceApp('VALUE = 2\n', true);
    const diff = diffReports([before.report], [after.report]);
    expect(diff.changedLayers.map(c => [c.via, c.parameterName, c.producer, c.before, c.after]))
      .toEqual([['ssm-parameter', PARAMETER, 'Layers/Layer', before.report.producers[0].fingerprint!.slice(0, 12), after.report.producers[0].fingerprint!.slice(0, 12)]]);
    expect(diff.moved.map(m => m.function)).toEqual(['Reports/Consumer']);
    expect(diff.notFollowing.map(n => [n.function, n.status])).toEqual([['Billing/Fn', 'exported'], ['Orders/Fn', 'exported']]);
  });

  test('the findings of the app no layer shows are listed, acknowledged or not; those a layer shows are not repeated', () => {
    const diff = diffReports([platformApp('VALUE = 1\n').report], [strongReferenceApp('VALUE = 2\n').report]);
    expect(diff.findings.map(f => [f.id, f.path, f.level])).toEqual([['cdk-layer-sync:LayerVersionNotRetained', 'Layers/Layer', 'WARNING']]);
  });
});

describe('diffReports, on producers a CloudFormation condition picks (the AWS Powertools layer stack)', () => {
  const before = powertoolsReport('X = 1\n', 'A = 1\n').report;
  const armChanged = powertoolsReport('X = 1\n', 'A = 2\n').report;

  test('the arm64 layer changed: it is listed under both parameters that can hold it, and both consumers moved', () => {
    const { changedLayers, moved, notFollowing } = diffReports([before], [armChanged]);
    expect(changedLayers.map(c => [c.parameterName, c.producer]).sort()).toEqual([
      [POWERTOOLS_ARM_PARAMETER, 'Layers/Arm'], [POWERTOOLS_ARN_PARAMETER, 'Layers/Arm'],
    ]);
    expect(moved.map(m => m.function).sort()).toEqual(['Consumers/Arm64', 'Consumers/Shared']);
    expect(notFollowing).toEqual([]);
  });

  test('the report names the condition of each producer, and every layer a consumer can get', () => {
    const conditions = before.producers.map(p => [p.producer, p.condition]).sort();
    expect(conditions).toEqual([
      ['Layers/Arm', 'Condition HasArm64'], ['Layers/Arm', 'Fn::If on HasArm64'], ['Layers/X86', 'Condition NoArm64'],
    ]);
    const shared = before.consumers.find(c => c.function === 'Consumers/Shared')!;
    expect(shared.layers[0].producers).toEqual(['Layers/X86', 'Layers/Arm']);
  });
});

