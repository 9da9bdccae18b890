import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { SYNTHESIS_PHASE_ORDER } from '../../src/cdk-internals/synthesis-phase';
import { FindingLevel } from '../../src/findings/finding-level';
import { LayerDependencyAspectProps } from '../../src';
import { addAspect, ConsumerStack, newApp, ProducerStack } from '../helpers/apps';

/** An app whose consumer stack's template is changed by `change` after CDK wrote it, before the report is written. */
function appChangingTemplate(change: (file: string) => void, props: LayerDependencyAspectProps = {}) {
  const app = newApp();
  new ProducerStack(app, 'Producer');
  const consumer = new ConsumerStack(app, 'Consumer');
  // Synthesized after the stacks and before the report (added when the aspect first visits): what a release that
  // wrote templates after custom synthesis, or ran validation after templates, would leave.
  attachCustomSynthesis(new Construct(app, 'TemplateChanger'), {
    onSynthesize: session => change(path.join(session.outdir, consumer.templateFile)),
  });
  addAspect(app, props);
  return { app, consumer };
}

describe('canary: the synthesis phases on this release', () => {
  test('the report sees every template written, with the fingerprint the aspect wrote', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);
    const assembly = app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'layer-dependencies.json'), 'utf-8'));
    const consumer = report.consumers.find((c: { function: string }) => c.function === 'Consumer/Consumer');
    expect(consumer.versions).toHaveLength(1);
    expect(consumer.aliases).toEqual(['Live']);
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change', () => {
  test('a template not written before the report: the synthesis fails with UnsupportedCdkRelease', () => {
    const { app } = appChangingTemplate(file => fs.rmSync(file));
    expect(() => app.synth())
      .toThrow(/UnsupportedCdkRelease: .*could not run a check at Consumer: it reads the order of synthesis.*Consumer.template.json was not written/);
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: SYNTHESIS_PHASE_ORDER })]);
  });

  test('a fingerprint written by the aspect but missing from the template: the synthesis fails', () => {
    const { app } = appChangingTemplate(file => {
      const template = JSON.parse(fs.readFileSync(file, 'utf-8'));
      for (const resource of Object.values<{ Type: string; Properties: Record<string, unknown> }>(template.Resources)) {
        if (resource.Type === 'AWS::Lambda::Function') {
          delete resource.Properties.Description;
        }
      }
      fs.writeFileSync(file, JSON.stringify(template));
    });
    expect(() => app.synth())
      .toThrow(/UnsupportedCdkRelease: .*'\[layer-sync [0-9a-f]{12}\]', written into Description of Consumer\/Consumer\/Resource, is not in/);
  });

  test('at level WARNING the change is printed and the synthesis goes on', () => {
    const { app } = appChangingTemplate(file => fs.rmSync(file), { unsupportedCdkRelease: FindingLevel.WARNING });
    const printed: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => (printed.push(String(chunk)), true));
    let directory: string;
    try {
      directory = app.synth().directory;
    } finally {
      write.mockRestore();
    }
    expect(printed.join('')).toContain('[WARNING] cdk-layer-sync:UnsupportedCdkRelease');
    const report = JSON.parse(fs.readFileSync(path.join(directory!, 'layer-dependencies.json'), 'utf-8'));
    expect(report.findings).toEqual([expect.objectContaining({
      id: 'cdk-layer-sync:UnsupportedCdkRelease', level: 'WARNING', path: 'Consumer',
      message: expect.stringContaining('Consumer.template.json was not written'),
    })]);
  });

  test('at level OFF nothing is printed, reported or thrown', () => {
    const { app } = appChangingTemplate(file => fs.rmSync(file), { unsupportedCdkRelease: FindingLevel.OFF });
    const directory = app.synth().directory;
    const report = JSON.parse(fs.readFileSync(path.join(directory, 'layer-dependencies.json'), 'utf-8'));
    expect(report.findings).toEqual([]);
  });
});
