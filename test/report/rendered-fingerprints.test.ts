import * as fs from 'fs';
import * as path from 'path';
import { NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { FingerprintTarget } from '../../src';
import { readReport } from '../../src/report/read-report';
import { missingFingerprints } from '../../src/report/rendered-fingerprints';
import { addAspect, ConsumerStack, consumerFunction, newApp, ProducerStack, ssmLayer } from '../helpers/apps';

/** An app with followed consumers at top level, in a Stage and in a nested stack; its assembly directory. */
function synthesized(target = FingerprintTarget.DESCRIPTION): string {
  const app = newApp();
  new ProducerStack(app, 'Producer');
  new ConsumerStack(app, 'Consumer');
  const parent = new Stack(app, 'Parent');
  consumerFunction(new NestedStack(parent, 'Functions'), 'Nested', [ssmLayer(parent, undefined, 'ParentLayer')]);
  const stage = new Stage(app, 'Prod');
  addAspect(stage, { target });
  new ProducerStack(stage, 'Producer');
  new ConsumerStack(stage, 'Consumer');
  addAspect(app, { target });
  return app.synth().directory;
}

/** Replace text in the first template file under `dir` whose name matches. */
function edit(dir: string, file: RegExp, from: RegExp, to: string): void {
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true })
    .flatMap(e => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const [target] = walk(dir).filter(f => file.test(f));
  const text = fs.readFileSync(target, 'utf-8');
  expect(text).toMatch(from);
  fs.writeFileSync(target, text.replace(from, to));
}

describe('missingFingerprints: what the report calls followed is in the templates', () => {
  test.each([FingerprintTarget.DESCRIPTION, FingerprintTarget.ENVIRONMENT])('holds after a synthesis with target %s', target => {
    const dir = synthesized(target);
    const report = readReport(dir);
    expect(report.consumers.filter(c => c.layers.some(l => l.status === 'tracked')).map(c => c.function).sort())
      .toEqual(['Consumer/Consumer', 'Parent/Functions/Nested', 'Prod/Consumer/Consumer']);
    expect(missingFingerprints(dir, report)).toEqual([]);
  });

  test.each([
    ['a top-level stack', /[\\/]Consumer\.template\.json$/, 'Consumer/Consumer'],
    ['a Stage\'s assembly', /assembly-Prod[\\/]ProdConsumer[0-9A-F]*\.template\.json$/, 'Prod/Consumer/Consumer'],
    ['a nested stack', /\.nested\.template\.json$/, 'Parent/Functions/Nested'],
  ])('a marker broken by hand in %s is found, naming the function', (_where, file, fn) => {
    const dir = synthesized();
    edit(dir, file, /\[layer-sync [0-9a-f]{12}\]/, '[layer-sync 000000000000]');
    const missing = missingFingerprints(dir, readReport(dir));
    expect(missing.map(m => m.function)).toEqual([fn]);
    expect(missing[0].found).toContain('[layer-sync 000000000000]');
    expect(missing[0].expected[0]).toMatch(/^[0-9a-f]{12}$/);
  });
});
