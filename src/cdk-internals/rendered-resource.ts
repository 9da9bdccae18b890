import { CfnElement, Stack } from 'aws-cdk-lib';
import { CdkInternal, changedInternal, shapeOf } from './cdk-internal';

/** `CfnElement._toCloudFormation()`: the template fragment an element renders, overrides applied. */
export const RENDERED_RESOURCE: CdkInternal = {
  name: 'CfnElement._toCloudFormation()',
  checksOff: 'reading a raw CfnResource\'s Layers, Role and Value, a function\'s description and environment '
    + '(so no fingerprint is written into it), and a layer\'s LayerName',
};

interface RenderableElement {
  _toCloudFormation?: unknown;
}

/**
 * The CloudFormation definition of one resource as the template will hold it (L1 properties with every override
 * applied), its tokens resolved by `resolve`: `stack.resolve` for the final values, or a resolver that keeps
 * references apart (`resolveWithReferences`).
 *
 * No public API renders one resource; CDK's own `currentVersion` hash reads it the same way. Checked: the method
 * exists and renders exactly one resource under the element's logical id.
 *
 * @throws CdkInternalChangedError when the rendering has another shape (recorded for `UnsupportedCdkRelease`)
 * @throws Error when a property holds a token that cannot be resolved
 */
export function renderedResource(resource: CfnElement, resolve: (value: unknown) => unknown): Record<string, unknown> {
  const render = (resource as unknown as RenderableElement)._toCloudFormation;
  if (typeof render !== 'function') {
    return changedInternal(resource, RENDERED_RESOURCE, `it is ${shapeOf(render)}, not a method`);
  }
  const rendered = resolve(render.call(resource)) as { Resources?: unknown } | undefined;
  const resources = rendered?.Resources;
  const logicalId = Stack.of(resource).resolve(resource.logicalId);
  if (resources === null || typeof resources !== 'object' || Object.keys(resources).length !== 1
    || !(logicalId in resources)) {
    return changedInternal(resource, RENDERED_RESOURCE,
      `it rendered ${shapeOf(rendered)} with Resources ${shapeOf(resources)}, not one resource '${logicalId}'`);
  }
  const body = (resources as Record<string, unknown>)[logicalId];
  return body !== null && typeof body === 'object' ? body as Record<string, unknown> : {};
}

/** The resolved properties of a resource as the template will hold them: `renderedResource(...).Properties`. */
export function renderedProperties(resource: CfnElement): Record<string, unknown> {
  const properties = renderedResource(resource, value => Stack.of(resource).resolve(value)).Properties;
  return properties !== null && typeof properties === 'object' ? properties as Record<string, unknown> : {};
}
