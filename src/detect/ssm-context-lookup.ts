/** A value `ssm.StringParameter.valueFromLookup` read from the app's context (`cdk.context.json`). */
export interface SsmContextLookup {
  /** The context key, `ssm:account=A:parameterName=NAME:region=R`. */
  readonly contextKey: string;
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
}

const SSM_KEY_PREFIX = 'ssm:';

/**
 * The parameter, account and region of an SSM lookup's context key, or undefined for any other key.
 * CDK builds these keys as `ssm:` followed by the lookup's properties, sorted, as `name=value` joined by `:`.
 */
export function parseSsmContextKey(key: string): SsmContextLookup | undefined {
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
  return { contextKey: key, parameterName, account: fields.get('account'), region: fields.get('region') };
}

/**
 * Every SSM lookup cached in the context, by the value it holds, so a literal layer ARN can be traced back to
 * the lookup that produced it.
 */
export function indexSsmLookups(context: Record<string, unknown>): Map<string, SsmContextLookup[]> {
  const byValue = new Map<string, SsmContextLookup[]>();
  for (const [key, value] of Object.entries(context)) {
    const lookup = typeof value === 'string' ? parseSsmContextKey(key) : undefined;
    if (lookup) {
      byValue.set(value as string, [...(byValue.get(value as string) ?? []), lookup]);
    }
  }
  return byValue;
}
