import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { newApp, PARAMETER } from '../helpers/apps';
import { AppStage, PipelineStack, PlatformStage, ServiceStage } from '../helpers/pipelines';
import { checkRule } from '../helpers/nag';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { PIPELINE_ORDER } from '../../src/findings/pipeline-order';

/** The pack's rule of this finding, made from its check. */
const PipelineOrder = ruleOf(PIPELINE_ORDER);

describe('LayerSync-PipelineOrder', () => {
  test('non-compliant, by parameter, when the consumer Stage deploys in the same wave as the producer Stage', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const wave = pipelineStack.pipeline.addWave('All');
    wave.addStage(new PlatformStage(pipelineStack, 'Platform'));
    const service = new ServiceStage(pipelineStack, 'Service');
    wave.addStage(service);
    expect(checkRule(PipelineOrder, app, service.lambdaStack.fn)).toEqual([`Parameter::${PARAMETER}`]);
  });

  test('compliant when the producer Stage deploys in an earlier wave', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    pipelineStack.pipeline.addStage(new PlatformStage(pipelineStack, 'Platform'));
    const service = new ServiceStage(pipelineStack, 'Service');
    pipelineStack.pipeline.addStage(service);
    expect(checkRule(PipelineOrder, app, service.lambdaStack.fn)).toBe(RuleCompliance.COMPLIANT);
  });

  test('read only: a Stage holding both gets no pipeline dependency from the rule', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    const deployment = pipelineStack.pipeline.addStage(dev);
    expect(checkRule(PipelineOrder, app, dev.lambdaStack.fn)).toBe(RuleCompliance.COMPLIANT);
    expect(deployment.stacks.flatMap(s => s.stackDependencies)).toEqual([]);
  });

  test('not applicable to a layer version', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const platform = new PlatformStage(pipelineStack, 'Platform');
    expect(checkRule(PipelineOrder, app, platform.layerStack.layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
