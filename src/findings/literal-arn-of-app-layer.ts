import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { ownerScope } from '../cfn/owner-scope';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { LayerSourceKind } from '../detect/layer-source';
import { TreeFacts } from '../facts/tree-facts';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { environmentOf } from '../producers/layer-producer';
import { FindingDefinition, TreeFinding } from './finding';
import { FindingLevel } from './finding-level';
import { apiName } from './user-language';

/** A function attaches, by its literal ARN, one version of a layer that the app itself publishes. */
export const LITERAL_ARN_OF_APP_LAYER: FindingDefinition = {
  id: 'cdk-layer-sync:LiteralArnOfAppLayer',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'A literal layer version ARN names one version: when the app publishes the next version of its own '
    + 'layer, the function\'s template does not change, and the function, its versions and its aliases keep the old one.',
  checkTree: facts => literalArnsOfAppLayers(facts),
  packResourceType: FUNCTION_TYPE,
};

/** `arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>`, each part literal. */
const LAYER_VERSION_ARN = /^literal ARN arn:[a-z0-9-]+:lambda:([a-z0-9-]+):(\d{12}):layer:([A-Za-z0-9_-]+):(\d+)$/;

function literalArnsOfAppLayers(facts: TreeFacts): TreeFinding[] {
  const published = publishedLayerNames(facts);
  if (published.size === 0) {
    return [];
  }
  const findings: TreeFinding[] = [];
  for (const consumer of facts.consumers) {
    for (const layer of consumer.layers) {
      const arn = layer.source.kind === LayerSourceKind.LITERAL_ARN ? LAYER_VERSION_ARN.exec(layer.source.label) : null;
      if (!arn) {
        continue;
      }
      const [, region, account, name, version] = arn;
      const producer = (published.get(name) ?? []).find(p => (p.account ?? account) === account && (p.region ?? region) === region);
      if (producer) {
        const path = ownerScope(consumer.fn).node.path;
        findings.push({
          definition: LITERAL_ARN_OF_APP_LAYER,
          message: literalArnOfAppLayerMessage(path, name, version, ownerScope(producer.layer).node.path),
          scope: ownerScope(consumer.fn),
          resource: consumer.fn,
          cause: layer.source.label,
        });
      }
    }
  }
  return findings;
}

/** The app's layer versions with a literal `LayerName`, by that name, with their stack's environment. */
function publishedLayerNames(facts: TreeFacts): Map<string, Array<{ layer: CfnResource; account?: string; region?: string }>> {
  const byName = new Map<string, Array<{ layer: CfnResource; account?: string; region?: string }>>();
  for (const construct of facts.constructs) {
    if (!CfnResource.isCfnResource(construct) || construct.cfnResourceType !== LAYER_VERSION_TYPE) {
      continue;
    }
    const stack = Stack.of(construct);
    const name: unknown = stack.resolve((construct as unknown as { layerName?: unknown }).layerName);
    if (typeof name === 'string' && !Token.isUnresolved(name)) {
      byName.set(name, [...(byName.get(name) ?? []), { layer: construct, ...environmentOf(stack) }]);
    }
  }
  return byName;
}

/** Message naming the function, the version it is pinned to, the app's layer and the fixes. */
export function literalArnOfAppLayerMessage(functionPath: string, layerName: string, version: string, layerPath: string): string {
  return `function ${functionPath} attaches version ${version} of layer '${layerName}' by its literal ARN, and this app `
    + `publishes that layer (${layerPath}). When the app publishes the next version, the function's template does not `
    + `change: it keeps version ${version}, and so do its versions and aliases. Fix: import the layer the way the app `
    + `publishes it, through its SSM parameter (${apiName('ssm.StringParameter.valueForStringParameter')}) or the `
    + `LayerVersion itself, so cdk-layer-sync follows it; if version ${version} is pinned on purpose, acknowledge this warning.`;
}
