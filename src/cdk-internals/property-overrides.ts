import { CfnResource } from 'aws-cdk-lib';
import { CdkInternal, recordChangedInternal, shapeOf } from './cdk-internal';

export const PROPERTY_OVERRIDES: CdkInternal = {
  name: 'CfnResource.rawOverrides',
  checksOff: 'none (the description is read from the rendered resource instead, which is slower)',
};

/** A property override of a resource: whether there is one, and its unresolved value. */
export interface PropertyOverride {
  readonly found: boolean;
  readonly value?: unknown;
}

/**
 * The override `addPropertyOverride(name, ...)` set on a resource (CDK's `FunctionVersionUpgrade` sets one on
 * `Description`), read from `rawOverrides`: the rendered resource (`renderedResource`) holds it too, but rendering a
 * whole function for one property made the synthesis of 2,000 functions 350 ms slower.
 *
 * Checked: `rawOverrides` is an object whose `Properties`, when set, is an object. Otherwise the change is recorded
 * (`UnsupportedCdkRelease`) and undefined returned: the caller then reads the rendered resource.
 */
export function propertyOverride(resource: CfnResource, name: string): PropertyOverride | undefined {
  const overrides = (resource as unknown as { rawOverrides?: unknown }).rawOverrides;
  const properties = (overrides as { Properties?: unknown } | null | undefined)?.Properties;
  if (overrides === null || typeof overrides !== 'object' || (properties !== undefined && (properties === null || typeof properties !== 'object'))) {
    recordChangedInternal(resource, PROPERTY_OVERRIDES, `it is ${shapeOf(overrides)}, with Properties ${shapeOf(properties)}`);
    return undefined;
  }
  const own = properties as Record<string, unknown> | undefined;
  return own !== undefined && name in own ? { found: true, value: own[name] } : { found: false };
}
