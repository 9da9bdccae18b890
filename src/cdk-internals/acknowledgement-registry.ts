import { IConstruct } from 'constructs';
import { CdkInternal, recordChangedInternal, shapeOf } from './cdk-internal';

/** Where aws-cdk-lib keeps warning acknowledgements: core's `Acknowledgements`, on an App (or a Stage). */
const ACKNOWLEDGEMENTS = Symbol.for('@aws-cdk/core.Acknowledgements');

export const ACKNOWLEDGEMENT_REGISTRY: CdkInternal = {
  name: 'Symbol.for(\'@aws-cdk/core.Acknowledgements\')',
  checksOff: 'seeing acknowledgements made on a construct before its warning, or outside its Stage (CDK\'s own check '
    + 'still applies, so some acknowledged warnings come back)',
};

/** The ids acknowledged for one construct path: a Set (older releases) or a Map keyed by id (newer). */
export interface AcknowledgedIds {
  has(id: string): boolean;
}

/**
 * The acknowledgements registered on `owner` (an App or a Stage), by construct path without a leading `/`; undefined
 * when nothing was acknowledged there. Read without changing them.
 *
 * Checked: when the registry is there, its `acks` is a Map of Sets or Maps. Another shape is recorded for
 * `UnsupportedCdkRelease` and reads as "nothing acknowledged here".
 */
export function acknowledgementsOn(owner: IConstruct): ReadonlyMap<string, AcknowledgedIds> | undefined {
  const registry = (owner as unknown as Record<symbol, unknown>)[ACKNOWLEDGEMENTS];
  if (registry === undefined) {
    return undefined;
  }
  const acks = (registry as { acks?: unknown } | null)?.acks;
  if (!(acks instanceof Map) || [...acks.values()].some(ids => typeof (ids as AcknowledgedIds | null)?.has !== 'function')) {
    recordChangedInternal(owner, ACKNOWLEDGEMENT_REGISTRY, `its acks are ${shapeOf(acks)}, not a Map of Sets or Maps`);
    return undefined;
  }
  return acks as Map<string, AcknowledgedIds>;
}
