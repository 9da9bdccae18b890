import { ContextProvider, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CdkInternal, recordChangedInternal } from './cdk-internal';

export const SSM_CONTEXT_KEY: CdkInternal = {
  name: 'the context key format of SSM lookups (ssm:account=A:parameterName=NAME:region=R)',
  checksOff: '`CachedLayerLookup` (a layer ARN cached by `valueFromLookup` in cdk.context.json is read as a literal ARN)',
};

/** The parts of an SSM lookup's context key. */
export interface SsmContextKey {
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
}

const SSM_KEY_PREFIX = 'ssm:';
const PROBE_PARAMETER = '/cdk-layer-sync/probe';
const CHECKED = new WeakSet<Stack>();

/**
 * The parameter, account and region of an SSM lookup's context key, or undefined for any other key.
 * CDK builds these keys as `ssm:` followed by the lookup's properties, sorted, as `name=value` joined by `:`
 * (core's `ContextProvider.getKey`, which is public; the format it writes is not documented).
 */
export function parseSsmContextKey(key: string): SsmContextKey | undefined {
  if (!key.startsWith(SSM_KEY_PREFIX)) {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const part of key.slice(SSM_KEY_PREFIX.length).split(':')) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      fields.set(part.slice(0, equals), part.slice(equals + 1));
    }
  }
  const parameterName = fields.get('parameterName');
  if (!parameterName) {
    return undefined;
  }
  return { parameterName, account: fields.get('account'), region: fields.get('region') };
}

/**
 * Check that the key CDK's public `ContextProvider.getKey` makes for an SSM lookup parses back to its parameter,
 * account and region, in the first stack among `constructs` with an explicit account and region (others make no
 * lookups; with none, there is nothing to check), once per stack. A key of another format is recorded for
 * `UnsupportedCdkRelease`.
 *
 * @returns false when the format changed
 */
export function checkSsmContextKeyFormat(constructs: Iterable<IConstruct>): boolean {
  let stack: Stack | undefined;
  for (const construct of constructs) {
    if (Stack.isStack(construct) && !Token.isUnresolved(construct.account) && !Token.isUnresolved(construct.region)) {
      stack = construct;
      break;
    }
  }
  if (!stack || CHECKED.has(stack)) {
    return true;
  }
  CHECKED.add(stack);
  const { key } = ContextProvider.getKey(stack, { provider: 'ssm', props: { parameterName: PROBE_PARAMETER } });
  const parsed = parseSsmContextKey(key);
  if (!parsed || parsed.parameterName !== PROBE_PARAMETER || parsed.account !== stack.account || parsed.region !== stack.region) {
    recordChangedInternal(stack, SSM_CONTEXT_KEY, `CDK made the key '${key}' for parameter ${PROBE_PARAMETER}`);
    return false;
  }
  return true;
}
