import * as cdk from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { LayerStatus } from '../facts/layer-status';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A function takes its layer ARN from a strong cross-stack reference (CloudFormation Export/Import). */
export const EXPORTED_LAYER_ARN: FindingDefinition = {
  id: 'cdk-layer-sync:ExportedLayerArn',
  levelProp: 'exportedLayerArn',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'A layer ARN passed by CloudFormation Export/Import locks the export: the first update of the '
    + 'layer fails with "Export ... cannot be updated as it is in use by ..." (aws/aws-cdk#1972).',
  status: LayerStatus.EXPORTED,
  checkLayer: (layer, consumer) => layer.status !== LayerStatus.EXPORTED ? [] : [{
    definition: EXPORTED_LAYER_ARN,
    message: exportedLayerArnMessage(ownerScope(consumer.fn).node.path, layer.source.label),
    cause: layer.source.label,
  }],
};

/** Message for one strongly referenced layer of one function; the fixes it names exist in the installed aws-cdk-lib. */
export function exportedLayerArnMessage(functionPath: string, source: string): string {
  const weak = hasWeakReferences()
    ? `, or make the reference weak (${apiName('CrossStackReferences.of')}(layer).produce(ReferenceStrength.WEAK)); this aspect tracks both`
    : '; this aspect tracks it (aws-cdk-lib releases with CrossStackReferences also offer weak references)';
  return `function ${functionPath} takes its layer ARN from ${source}, a CloudFormation Export/Import. `
    + 'The first time the layer changes its ARN changes, and the producer stack fails to deploy with '
    + '"Export ... cannot be updated as it is in use by ..." (aws/aws-cdk#1972). '
    + 'Fix: pass the ARN through an SSM parameter (ssm.StringParameter in the producer, '
    + `${apiName('ssm.StringParameter.valueForStringParameter')} in the consumer)${weak}.`;
}

/** True when the installed aws-cdk-lib has weak cross-stack references (`CrossStackReferences`, `ReferenceStrength`). */
function hasWeakReferences(): boolean {
  const lib = cdk as unknown as Record<string, unknown>;
  return typeof lib.CrossStackReferences === 'function' && lib.ReferenceStrength !== undefined;
}
