import { ownerScope } from '../cfn/owner-scope';
import { LayerSourceKind } from '../detect/layer-source';
import { LayerStatus } from '../facts/layer-status';
import { deployConsequence } from './deploy-consequence';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A function imports a layer whose producer the aspect cannot find, so it cannot follow the layer. */
export const UNHASHED_CONSUMER: FindingDefinition = {
  id: 'cdk-layer-sync:UnhashedConsumer',
  levelProp: 'unhashedConsumer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'The function imports a layer ARN whose producer is unknown to the aspect, so its configuration '
    + 'does not change when the layer changes: no version is published and its aliases stay on the old layer.',
  status: LayerStatus.UNHASHED,
  checkLayer: (layer, consumer) => layer.status !== LayerStatus.UNHASHED ? [] : [{
    definition: UNHASHED_CONSUMER,
    message: unhashedConsumerMessage(ownerScope(consumer.fn).node.path, layer.source.label, layer.reason ?? 'its producer is unknown',
      layer.fix, layer.source.kind),
    parameterName: layer.source.parameterName,
    cause: layer.source.label,
  }],
};

/** The fix for a layer whose producer is simply unknown. */
const REGISTER_THE_PRODUCER = 'register the producer (create the SSM parameter from the LayerVersion in this app, or add the '
  + 'fingerprint to a LayerRegistry passed as `registry`)';

/**
 * Message for one untracked layer source of one function.
 *
 * @param fix what to change, when registering the producer is not the answer (an ARN computed at deploy time)
 * @param kind how the layer reaches the function, which decides what `cdk deploy` does with it
 */
export function unhashedConsumerMessage(
  functionPath: string, source: string, reason: string, fix = REGISTER_THE_PRODUCER, kind = LayerSourceKind.SSM_PARAMETER,
): string {
  return `function ${functionPath} imports its layer from ${source}, but ${reason}. `
    + `Its configuration will not change when that layer changes: ${deployConsequence([kind])}. `
    + `Fix: ${fix}.`;
}
