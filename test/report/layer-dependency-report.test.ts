import * as fs from 'fs';
import * as path from 'path';
import { Fn, NestedStack, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { REPORT_FILE } from '../../src/report/layer-dependency-report';
import { addAspect, ConsumerStack, consumerFunction, newApp, ProducerStack, ssmLayer } from '../helpers/apps';

describe('layer-dependencies.json', () => {
  test('a consumer in a nested stack is named by its parent and id, the same on every synthesis', () => {
    const synthesize = () => {
      const app = newApp();
      new ProducerStack(app, 'Producer');
      const parent = new Stack(app, 'Service');
      const nested = new NestedStack(parent, 'Functions');
      consumerFunction(nested, 'Fn', [ssmLayer(nested)]);
      addAspect(app);
      const report = JSON.parse(fs.readFileSync(path.join(app.synth().directory, REPORT_FILE), 'utf-8'));
      return report.consumers.map((c: any) => [c.stack, c.function]);
    };
    const first = synthesize();
    expect(first).toEqual([['Service/Functions', 'Service/Functions/Fn']]);
    expect(synthesize()).toEqual(first);
  });

  test('every synthesis with the aspect writes producers, consumers with their layers, and findings', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    new ConsumerStack(app, 'Orphan', { parameterName: '/nobody/makes/this' });
    const mixed = new Stack(app, 'Mixed');
    consumerFunction(mixed, 'Fn', [
      lambda.LayerVersion.fromLayerVersionArn(mixed, 'Lit', 'arn:aws:lambda:eu-west-1:123456789012:layer:x:1'),
      lambda.LayerVersion.fromLayerVersionArn(mixed, 'Imp', Fn.importValue('Shared')),
    ]);
    addAspect(app);
    const assembly = app.synth();

    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, REPORT_FILE), 'utf-8'));
    expect(report.version).toBe(1);
    expect(report.producers).toEqual([expect.objectContaining({
      parameterName: '/platform/layers/common/arn', origin: 'discovered', producer: 'Producer/Layer', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    })]);
    const statuses = Object.fromEntries(report.consumers.map((c: any) => [c.function, c.layers.map((l: any) => l.status)]));
    expect(statuses).toEqual({
      'Consumer/Consumer': ['tracked'],
      'Mixed/Fn': ['literal-arn', 'exported'],
      'Orphan/Consumer': ['unhashed'],
    });
    const tracked = report.consumers.find((c: any) => c.function === 'Consumer/Consumer');
    expect(tracked).toMatchObject({ stack: 'Consumer', layers: [{ origin: 'discovered', fingerprint: report.producers[0].fingerprint.slice(0, 12) }] });
    expect(report.findings.map((f: any) => [f.path, f.id, f.level])).toEqual([
      ['Mixed/Fn', 'cdk-layer-sync:ExportedLayerArn', 'WARNING'],
      ['Orphan/Consumer', 'cdk-layer-sync:UnhashedConsumer', 'WARNING'],
    ]);
  });

  test('an app without the aspect has none', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    expect(fs.existsSync(path.join(app.synth().directory, REPORT_FILE))).toBe(false);
  });

  test('two aspects on one app write one report', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);
    addAspect(app);
    const report = JSON.parse(fs.readFileSync(path.join(app.synth().directory, REPORT_FILE), 'utf-8'));
    expect(report.consumers).toHaveLength(1);
  });
});
