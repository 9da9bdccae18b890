import { LayerSourceKind } from '../detect/layer-source';
import { deployConsequence } from './deploy-consequence';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A consumer's Stage was synthesized before the producer of its layer existed, so it could not follow that layer. */
export const PRODUCER_BUILT_LATER: FindingDefinition = {
  id: 'cdk-layer-sync:ProducerBuiltLater',
  levelProp: 'unhashedConsumer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'CDK Pipelines synthesizes a Stage when addStage() is called: a layer producer created after that is '
    + 'unknown to the Stage\'s functions, which then keep their configuration when the layer changes.',
};

/** Message for one consumer whose producer was created after the consumer's Stage was synthesized. */
export function producerBuiltLaterMessage(
  functionPath: string, stagePath: string, parameterName: string, producerPath: string, kind = LayerSourceKind.SSM_PARAMETER,
): string {
  return `function ${functionPath} imports its layer from SSM parameter '${parameterName}', whose producer ${producerPath} `
    + `was created after Stage ${stagePath} was synthesized (CDK Pipelines synthesizes a Stage when `
    + `${apiName('addStage')}() is called), so the function could not follow the layer: ${deployConsequence([kind])}. `
    + 'Fix: create the producer\'s Stage, and add it to the pipeline, before '
    + `Stage ${stagePath}.`;
}
