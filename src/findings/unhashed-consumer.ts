import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A function imports a layer whose producer the aspect cannot find, so it cannot follow the layer. */
export const UNHASHED_CONSUMER: FindingDefinition = {
  id: 'cdk-layer-sync:UnhashedConsumer',
  levelProp: 'unhashedConsumer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'The function imports a layer ARN whose producer is unknown to the aspect, so its configuration '
    + 'does not change when the layer changes: deployments skip it and its versions and aliases stay on the old layer.',
};

/** The fix for a layer whose producer is simply unknown. */
const REGISTER_THE_PRODUCER = 'register the producer (create the SSM parameter from the LayerVersion in this app, or add the '
  + 'fingerprint to a LayerRegistry passed as `registry`)';

/**
 * Message for one untracked layer source of one function.
 *
 * @param fix what to change, when registering the producer is not the answer (an ARN computed at deploy time)
 */
export function unhashedConsumerMessage(functionPath: string, source: string, reason: string, fix = REGISTER_THE_PRODUCER): string {
  return `function ${functionPath} imports its layer from ${source}, but ${reason}. `
    + 'Its configuration will not change when that layer changes, so cdk deploy will skip it and its '
    + 'current version and aliases will keep running code built against the old layer. '
    + `Fix: ${fix}.`;
}
