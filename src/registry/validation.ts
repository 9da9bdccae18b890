/** SSM parameter names: letters, digits, `.`, `-`, `_` and `/` (hierarchies). */
const PARAMETER_NAME_CHARACTERS = /^[a-zA-Z0-9_.\-/]+$/;
/** SSM's limit on a parameter name (it counts the name within the parameter's ARN). */
const MAX_PARAMETER_NAME_LENGTH = 1011;
/** SSM's limit on the levels of a parameter hierarchy. */
const MAX_PARAMETER_LEVELS = 15;
/** AWS's public parameters (for example Powertools' layer ARNs) live here; users may read them, never create them. */
const AWS_PUBLIC_PARAMETERS = '/aws/service/';
/** Fingerprints are printable, without white space, so they fit descriptions and lock files. */
const FINGERPRINT = /^[\x21-\x7e]{1,256}$/;
const ACCOUNT = /^\d{12}$/;
/** AWS region names: `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`, `ap-southeast-5`... */
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

const PARAMETER_RULES = "letters, digits, '.', '-', '_' and '/'; a hierarchy starts with '/', has at most "
  + `${MAX_PARAMETER_LEVELS} levels and no empty one; at most ${MAX_PARAMETER_NAME_LENGTH} characters; `
  + "not starting with 'aws' or 'ssm' (except AWS's public parameters under /aws/service/)";

/** Why `name` breaks SSM's documented naming rules, or undefined when it keeps them. */
function parameterNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_PARAMETER_NAME_LENGTH) {
    return `it has ${name.length} characters`;
  }
  if (!PARAMETER_NAME_CHARACTERS.test(name)) {
    return 'it has a character SSM does not allow';
  }
  if (name.includes('/')) {
    if (!name.startsWith('/')) {
      return "a name with a hierarchy must start with '/'";
    }
    const levels = name.slice(1).split('/');
    if (levels.some(level => level === '')) {
      return "it has an empty level ('//' or a trailing '/')";
    }
    if (levels.length > MAX_PARAMETER_LEVELS) {
      return `it has ${levels.length} levels`;
    }
  }
  const first = name.replace(/^\//, '').toLowerCase();
  if ((first.startsWith('aws') || first.startsWith('ssm')) && !name.startsWith(AWS_PUBLIC_PARAMETERS)) {
    return `SSM reserves names starting with '${first.slice(0, 3)}'`;
  }
  return undefined;
}

/** Throws unless `value` is a valid SSM parameter name; `what` names the input in the message. */
export function validateParameterName(value: unknown, what: string): void {
  const problem = typeof value === 'string' ? parameterNameProblem(value) : 'it is not a string';
  if (problem) {
    throw new Error(`${what}: expected an SSM parameter name (${PARAMETER_RULES}), got ${JSON.stringify(value)}: ${problem}`);
  }
}

/** Throws unless `value` is a usable fingerprint; `what` names the input in the message. */
export function validateFingerprint(value: unknown, what: string): void {
  if (typeof value !== 'string' || !FINGERPRINT.test(value)) {
    throw new Error(`${what}: expected a non-empty string of printable characters without spaces (at most 256), got ${JSON.stringify(value)}`);
  }
}

/** Throws unless `value` is absent or a 12-digit AWS account id; `what` names the input in the message. */
export function validateAccount(value: unknown, what: string): void {
  if (value !== undefined && (typeof value !== 'string' || !ACCOUNT.test(value))) {
    throw new Error(`${what}: expected a 12-digit AWS account id, got ${JSON.stringify(value)}`);
  }
}

/** Throws unless `value` is absent or an AWS region name such as eu-west-1; `what` names the input in the message. */
export function validateRegion(value: unknown, what: string): void {
  if (value !== undefined && (typeof value !== 'string' || !REGION.test(value))) {
    throw new Error(`${what}: expected an AWS region name such as eu-west-1, got ${JSON.stringify(value)}`);
  }
}

/** Throws unless `value` is absent or a non-empty string (what lock file readers accept); `what` names the input. */
export function validateOptionalText(value: unknown, what: string): void {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw new Error(`${what}: expected a non-empty string, or nothing, got ${JSON.stringify(value)}`);
  }
}
