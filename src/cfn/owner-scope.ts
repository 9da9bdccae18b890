import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The construct users know a resource by: the L2 (`Function`, `LayerVersion`) whose default child it
 * is, else the resource itself. Findings go there, and reports name it.
 */
export function ownerScope(resource: CfnResource): IConstruct {
  const parent = resource.node.scope;
  return parent && parent.node.defaultChild === resource ? parent : resource;
}
