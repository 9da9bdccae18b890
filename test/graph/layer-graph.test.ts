import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildGraph } from '../../src/graph/layer-graph';
import { consumerFunction, layerSource, PARAMETER } from '../helpers/apps';
import { platformApp, powertoolsReport, strongReferenceApp, synthesizedReport } from '../helpers/reports';

describe('buildGraph, on the report of a real synthesis', () => {
  const { report } = platformApp('VALUE = 1\n');
  const graph = buildGraph([{ name: 'platform', report }]);
  const byLabel = (text: string) => graph.nodes.find(n => n.label.includes(text))!;

  test('a node per producing layer and per consumer function, grouped by app', () => {
    expect(byLabel('Layers/Layer')).toMatchObject({ kind: 'producer', group: 'platform' });
    for (const fn of ['Orders/Consumer', 'Billing/Consumer', 'Pinned/Fn', 'Cached/Fn', 'Orphan/Consumer']) {
      expect(byLabel(fn)).toMatchObject({ kind: 'consumer', group: 'platform' });
    }
  });

  test('followed layers are edges from the producer, labelled with the fingerprint', () => {
    const producer = byLabel('Layers/Layer');
    const followed = graph.edges.filter(e => e.followed);
    expect(followed.map(e => e.to).sort()).toEqual([byLabel('Billing/Consumer').id, byLabel('Orders/Consumer').id].sort());
    expect(new Set(followed.map(e => e.from))).toEqual(new Set([producer.id]));
    expect(followed[0].label).toBe(report.producers[0].fingerprint!.slice(0, 12));
  });

  test('layers not followed are edges labelled with their finding; an unknown producer gets a node of its own', () => {
    const notFollowed = graph.edges.filter(e => !e.followed).map(e => ({ from: e.from, to: e.to, label: e.label }));
    expect(notFollowed).toEqual(expect.arrayContaining([
      { from: byLabel('Layers/Layer').id, to: byLabel('Cached/Fn').id, label: 'CachedLayerLookup' },
      { from: byLabel('Layers/Layer').id, to: byLabel('Pinned/Fn').id, label: 'pinned' },
      { from: byLabel('/other-team/arn').id, to: byLabel('Orphan/Consumer').id, label: 'UnhashedConsumer' },
    ]));
    expect(byLabel('/other-team/arn')).toMatchObject({ kind: 'unknown', group: 'unknown producers' });
    expect(byLabel(PARAMETER).id).toBe(byLabel('Layers/Layer').id);
  });
});

describe('buildGraph: layers passed by strong reference, and layers of the function\'s own stack', () => {
  test('the app\'s own strongly referenced layer is a producer of the app, with an ExportedLayerArn edge', () => {
    const { report } = strongReferenceApp('VALUE = 1\n');
    const graph = buildGraph([{ name: 'app', report }]);
    const layer = graph.nodes.find(n => n.label.includes('Layers/Layer'))!;
    expect(layer).toMatchObject({ kind: 'producer', group: 'app' });
    expect(graph.nodes.filter(n => n.group === 'unknown producers')).toEqual([]);
    expect(graph.edges.filter(e => e.from === layer.id).map(e => [e.followed, e.label])).toEqual([
      [false, 'ExportedLayerArn'], [false, 'ExportedLayerArn'],
    ]);
  });

  test('a function using a layer of its own stack has an edge from it, labelled same stack; a literal ARN one from the ARN', () => {
    const { report } = synthesizedReport(app => {
      const stack = new Stack(app, 'Solo');
      const layer = new lambda.LayerVersion(stack, 'Own', { code: lambda.Code.fromAsset(layerSource()) });
      consumerFunction(stack, 'Fn', [layer, lambda.LayerVersion.fromLayerVersionArn(stack, 'Lit', 'arn:aws:lambda:eu-west-1:123456789012:layer:x:1')]);
    }, { '@aws-cdk/aws-lambda:recognizeLayerVersion': 'true' });
    const graph = buildGraph([{ name: 'app', report }]);
    const own = graph.nodes.find(n => n.label.includes('Solo/Own'))!;
    const fn = graph.nodes.find(n => n.label.includes('Solo/Fn'))!;
    expect(own).toMatchObject({ kind: 'producer', group: 'app' });
    const literal = graph.nodes.find(n => n.label.includes('arn:aws:lambda:eu-west-1:123456789012:layer:x:1'))!;
    expect(literal).toMatchObject({ kind: 'producer', group: 'literal layer ARNs' });
    expect(graph.edges).toEqual(expect.arrayContaining([
      { from: own.id, to: fn.id, followed: true, label: 'same stack' },
      { from: literal.id, to: fn.id, followed: true, label: 'literal ARN' },
    ]));
    expect(graph.edges).toHaveLength(2);
  });
});

describe('buildGraph: producers a CloudFormation condition picks (the AWS Powertools layer stack)', () => {
  test('the consumer of the name two conditional parameters share has a followed edge from each', () => {
    const graph = buildGraph([{ name: 'powertools', report: powertoolsReport('X = 1\n', 'A = 1\n').report }]);
    const shared = graph.nodes.find(n => n.label.includes('Consumers/Shared'))!;
    const into = graph.edges.filter(e => e.to === shared.id);
    const from = into.map(e => graph.nodes.find(n => n.id === e.from)!.label[0]).sort();
    expect(from).toEqual(['Layers/Arm', 'Layers/X86']);
    expect(into.every(e => e.followed)).toBe(true);
  });
});


describe('buildGraph with a large lock file', () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => ({ parameterName: `/team${i}/layer/arn`, fingerprint: `${i}`.padStart(64, '0') }));
  const used = { parameterName: PARAMETER, fingerprint: 'f'.repeat(64) };

  test('with apps, only the entries their consumers read are drawn; the others are counted', () => {
    const { report } = platformApp('VALUE = 1\n', false);
    const graph = buildGraph([{ name: 'platform', report }], [{ file: 'layers.lock.json', entries: [...entries, used] }]);
    expect(graph.omittedLockEntries).toBe(100_000);
    expect(graph.nodes.filter(n => n.kind === 'registry').map(n => n.label)).toEqual([[PARAMETER, 'any environment']]);
    expect(graph.nodes.length).toBeLessThan(20);
  });

  test('a lock file alone is drawn whole', () => {
    const graph = buildGraph([], [{ file: 'layers.lock.json', entries: entries.slice(0, 1000) }]);
    expect(graph.nodes).toHaveLength(1000);
    expect(graph.omittedLockEntries).toBeUndefined();
  });
});
