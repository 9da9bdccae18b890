/** `{{resolve:ssm:NAME}}` or `{{resolve:ssm:NAME:VERSION}}`, as CloudFormation dynamic references read. */
const SSM_DYNAMIC_REFERENCE = /^\{\{resolve:ssm:([a-zA-Z0-9_.\-/]+)(?::(\d+))?\}\}$/;

/** The parameter a dynamic reference reads, or undefined when `value` is not an SSM dynamic reference. */
export function parseSsmDynamicReference(value: string): { parameterName: string; version?: string } | undefined {
  const match = SSM_DYNAMIC_REFERENCE.exec(value);
  if (!match) {
    return undefined;
  }
  return { parameterName: match[1], version: match[2] };
}

/** True when the string holds a dynamic reference of any kind. */
export function containsDynamicReference(value: string): boolean {
  return value.includes('{{resolve:');
}
