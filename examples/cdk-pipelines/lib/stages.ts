import { Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LambdaStack } from './lambda-stack';
import { LayerStack } from './layer-stack';

export interface ExampleStageProps extends StageProps {
  /** The tools layer's source directory. */
  readonly layerSourceDir?: string;
  /** Give the Stage's function the layer by strong reference (Export/ImportValue) instead of SSM. */
  readonly exportLayer?: boolean;
}

/** One Stage holding both stacks: the layout of most CDK Pipelines apps. */
export class DevStage extends Stage {
  constructor(scope: Construct, id: string, props: ExampleStageProps = {}) {
    super(scope, id, props);
    const layers = new LayerStack(this, 'LayerStack', { layerSourceDir: props.layerSourceDir });
    new LambdaStack(this, 'LambdaStack', { exportedLayer: props.exportLayer ? layers.layer : undefined });
  }
}

/** The platform team's Stage: only the layer. */
export class PlatformStage extends Stage {
  constructor(scope: Construct, id: string, props: ExampleStageProps = {}) {
    super(scope, id, props);
    new LayerStack(this, 'LayerStack', { layerSourceDir: props.layerSourceDir });
  }
}

/** A service team's Stage: only the function, importing the layer the platform Stage publishes. */
export class ServiceStage extends Stage {
  constructor(scope: Construct, id: string, props: StageProps = {}) {
    super(scope, id, props);
    new LambdaStack(this, 'LambdaStack');
  }
}
