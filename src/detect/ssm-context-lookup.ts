import { IConstruct } from 'constructs';
import { checkSsmContextKeyFormat, parseSsmContextKey } from '../cdk-internals/ssm-context-key';

/** A value `ssm.StringParameter.valueFromLookup` read from the app's context (`cdk.context.json`). */
export interface SsmContextLookup {
  /** The context key, `ssm:account=A:parameterName=NAME:region=R`. */
  readonly contextKey: string;
  readonly parameterName: string;
  readonly account?: string;
  readonly region?: string;
}

/**
 * Every SSM lookup cached in the context, by the value it holds, so a literal layer ARN can be traced back to
 * the lookup that produced it.
 *
 * @param constructs the tree's constructs: the key format is checked on its first stack with an explicit
 * environment (`checkSsmContextKeyFormat`)
 */
export function indexSsmLookups(context: Record<string, unknown>, constructs: Iterable<IConstruct> = []): Map<string, SsmContextLookup[]> {
  const byValue = new Map<string, SsmContextLookup[]>();
  const entries = Object.entries(context).filter(([key, value]) => typeof value === 'string' && key.startsWith('ssm:'));
  if (entries.length > 0) {
    // Checked whenever the context holds an SSM lookup, even one whose key no longer parses.
    checkSsmContextKeyFormat(constructs);
  }
  for (const [key, value] of entries) {
    const parsed = parseSsmContextKey(key);
    if (parsed) {
      byValue.set(value as string, [...(byValue.get(value as string) ?? []), { contextKey: key, ...parsed }]);
    }
  }
  return byValue;
}
