import { App, AspectPriority, Aspects } from 'aws-cdk-lib';
// In your own app: import { LayerDependencyAspect } from 'cdk-layer-sync';
import { LayerDependencyAspect } from '../../src';
import { LambdaStack } from './lib/lambda-stack';
import { LayerStack } from './lib/layer-stack';
import { PipelineStack } from './lib/pipeline-stack';

const app = new App();
const flag = (name: string) => app.node.tryGetContext(name) === 'true';
const layerSync: string | undefined = app.node.tryGetContext('layerSync');

// `-c layerSync=app-wide`: the one call for the whole app, Stages included (aws-cdk-lib 2.196 and later), right
// after `new App()`; the Stages then leave their own line out (lib/stages.ts).
if (layerSync === 'app-wide') {
  LayerDependencyAspect.addToApp(app);
}

new PipelineStack(app, 'PipelineStack', {
  // CDK Pipelines need an explicit environment; nothing here needs credentials to synthesize.
  env: { account: '111111111111', region: 'eu-west-1' },
  devAccount: '222222222222',
  layerSourceDir: app.node.tryGetContext('layerSourceDir'),
  sameWave: flag('sameWave'),
  exportLayer: flag('exportLayer'),
});

// `-c topLevelStacks=true`: the layer and function stacks also at the App's top level, declared after the pipeline
// stack, as public pipeline apps keep a copy for a developer's own `cdk deploy` beside the pipeline.
if (flag('topLevelStacks')) {
  new LayerStack(app, 'LayerStack', { layerSourceDir: app.node.tryGetContext('layerSourceDir') });
  new LambdaStack(app, 'LambdaStack');
}

// The one line on the App, as in any other app (each Stage has its own, in lib/stages.ts): it reports any Stage
// left without one. `-c layerSync=off` leaves every aspect out, to show what CDK Pipelines does alone.
if (layerSync !== 'off' && layerSync !== 'app-wide') {
  Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
}

app.synth();
