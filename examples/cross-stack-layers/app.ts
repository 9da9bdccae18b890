import { App, AspectPriority, Aspects } from 'aws-cdk-lib';
// In your own app: import { LayerDependencyAspect } from 'cdk-layer-sync';
import { LayerDependencyAspect } from '../../src';
import { ChildStack } from './lib/child-stack';
import { COMMON_MODULES_PARAMETER, CommonStack } from './lib/common-stack';
import { OrphanStack } from './lib/orphan-stack';

const app = new App();

new CommonStack(app, 'CommonStack', { layerSourceDir: app.node.tryGetContext('layerSourceDir') });
new ChildStack(app, 'ChildStack', { layerParameterName: COMMON_MODULES_PARAMETER });
if (app.node.tryGetContext('withOrphan') === 'true') {
  new OrphanStack(app, 'OrphanStack');
}

// The one line. `-c layerSync=off` leaves it out, so the demo can show the bug it fixes.
if (app.node.tryGetContext('layerSync') !== 'off') {
  Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
}

app.synth();
