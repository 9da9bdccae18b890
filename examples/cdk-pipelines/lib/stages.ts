import { AspectPriority, Aspects, Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
// In your own app: import { LayerDependencyAspect } from 'cdk-layer-sync';
import { LayerDependencyAspect } from '../../../src';
import { LambdaStack } from './lambda-stack';
import { LayerStack } from './layer-stack';

export interface ExampleStageProps extends StageProps {
  /** The tools layer's source directory. */
  readonly layerSourceDir?: string;
  /** Give the Stage's function the layer by strong reference (Export/ImportValue) instead of SSM. */
  readonly exportLayer?: boolean;
}

/**
 * The one line every Stage gets on releases before 2.196: App aspects never reach a Stage, and
 * `pipeline.addStage()` synthesizes it at once. `-c layerSync=off` (or `=app-only`) leaves it out, to show what
 * happens without it; `-c layerSync=app-wide` leaves it to `LayerDependencyAspect.addToApp(app)` (app.ts).
 */
function coverStage(stage: Stage): void {
  if (!['off', 'app-only', 'app-wide'].includes(stage.node.tryGetContext('layerSync'))) {
    Aspects.of(stage).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
  }
}

/** One Stage holding both stacks: the layout of most CDK Pipelines apps. */
export class DevStage extends Stage {
  constructor(scope: Construct, id: string, props: ExampleStageProps = {}) {
    super(scope, id, props);
    coverStage(this);
    const layers = new LayerStack(this, 'LayerStack', { layerSourceDir: props.layerSourceDir });
    new LambdaStack(this, 'LambdaStack', { exportedLayer: props.exportLayer ? layers.layer : undefined });
  }
}

/** The platform team's Stage: only the layer. */
export class PlatformStage extends Stage {
  constructor(scope: Construct, id: string, props: ExampleStageProps = {}) {
    super(scope, id, props);
    coverStage(this);
    new LayerStack(this, 'LayerStack', { layerSourceDir: props.layerSourceDir });
  }
}

/** A service team's Stage: only the function, importing the layer the platform Stage publishes. */
export class ServiceStage extends Stage {
  constructor(scope: Construct, id: string, props: StageProps = {}) {
    super(scope, id, props);
    coverStage(this);
    new LambdaStack(this, 'LambdaStack');
  }
}
