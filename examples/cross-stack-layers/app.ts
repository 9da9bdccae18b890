import { App, AspectPriority, Aspects, Validations } from 'aws-cdk-lib';
// In your own app: import { LayerDependencyAspect } from 'cdk-layer-sync';
import { LayerDependencyAspect, LayerSyncChecks } from '../../src';
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

// Policy as code: `-c nag=true` also runs the findings as the cdk-nag pack `LayerSync`, the way the installed
// cdk-nag major runs its packs. With cdk-nag 3 every unacknowledged violation fails `cdk synth` and is listed in
// validation-report.json; with cdk-nag 2 they are annotations, and errors fail `cdk synth`.
if (app.node.tryGetContext('nag') === 'true') {
  const checks = new LayerSyncChecks(app);
  if (checks.cdkNagMajor === 2) {
    Aspects.of(app).add(checks);
  } else {
    Validations.of(app).addPlugins(checks);
  }
}

app.synth();
