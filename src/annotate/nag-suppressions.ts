import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FindingDefinition } from '../findings/finding';

/** The pack's name: its rule ids are `LayerSync-Name`, granular ones `LayerSync-Name[Parameter::/x]`. */
export const PACK_NAME = 'LayerSync';

/** The construct metadata `Validations.of(scope).acknowledge` writes (aws-cdk-lib's `Validations.ACKNOWLEDGED_RULES_METADATA_KEY`). */
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';

/** One entry of cdk-nag 2's `rules_to_suppress`, as `NagSuppressions` writes it into the CloudFormation metadata. */
interface NagSuppressionEntry {
  readonly id?: unknown;
  readonly applies_to?: unknown;
}

/** The rule id suffix of a finding: `cdk-layer-sync:UnhashedConsumer` gives `UnhashedConsumer`. */
export function ruleName(definition: FindingDefinition): string {
  return definition.id.slice(definition.id.indexOf(':') + 1);
}

/** The pack's rule id for a finding (`cdk-layer-sync:UnhashedConsumer` gives `LayerSync-UnhashedConsumer`). */
export function packRuleId(definition: FindingDefinition): string {
  return `${PACK_NAME}-${ruleName(definition)}`;
}

/** The granular finding of a parameter, as both cdk-nag majors carry it: `Parameter::/x`. */
export function parameterFinding(parameterName: string): string {
  return `Parameter::${parameterName}`;
}

/**
 * True when the app silenced the cdk-nag pack's rule for this finding on `scope`, the way its cdk-nag major does:
 * cdk-nag 2's `NagSuppressions` (the `cdk_nag` metadata of the scope's resource or of its stack, `appliesTo` for one
 * parameter) or cdk-nag 3's `Validations.of(s).acknowledge` (on the scope, its resource, or any scope above). So one
 * suppression, in either door's form, silences the finding in both. Reads the app's public metadata; changes nothing.
 *
 * @param parameterName the SSM parameter the finding is about, when it is about one: a suppression for another
 * parameter does not apply
 */
export function isSuppressedInCdkNag(scope: IConstruct, definition: FindingDefinition, parameterName?: string): boolean {
  const rule = packRuleId(definition);
  const finding = parameterName !== undefined ? parameterFinding(parameterName) : undefined;
  return suppressedByNagV2(scope, rule, finding) || acknowledgedByValidations(scope, rule, finding);
}

function suppressedByNagV2(scope: IConstruct, rule: string, finding: string | undefined): boolean {
  const resource = CfnResource.isCfnResource(scope) ? scope
    : CfnResource.isCfnResource(scope.node.defaultChild) ? scope.node.defaultChild : undefined;
  const entries: unknown[] = [
    ...rulesToSuppress(resource?.getMetadata('cdk_nag')),
    ...rulesToSuppress(stackOf(scope)?.templateOptions.metadata?.cdk_nag),
  ];
  return entries.some(entry => appliesTo(entry as NagSuppressionEntry, rule, finding));
}

/** The stack a construct is in; none for an App or a Stage. */
function stackOf(scope: IConstruct): Stack | undefined {
  return [...scope.node.scopes].reverse().find((s): s is Stack => Stack.isStack(s));
}

function rulesToSuppress(metadata: unknown): unknown[] {
  const rules = (metadata as { rules_to_suppress?: unknown } | undefined)?.rules_to_suppress;
  return Array.isArray(rules) ? rules : [];
}

/** cdk-nag 2's rule: the id matches, and a suppression with `applies_to` names the finding (text or `{ regex }`). */
function appliesTo(entry: NagSuppressionEntry, rule: string, finding: string | undefined): boolean {
  if (typeof entry !== 'object' || entry === null || entry.id !== rule) {
    return false;
  }
  if (!Array.isArray(entry.applies_to)) {
    return true;
  }
  return finding !== undefined && entry.applies_to.some(target => (typeof target === 'string'
    ? target === finding
    : regexOf((target as { regex?: unknown })?.regex)?.test(finding) === true));
}

/**
 * A cdk-nag 2 `{ regex: '/pattern/flags' }`; undefined when it is not one.
 * @throws naming the pattern and why, when it is one that JavaScript cannot compile (cdk-nag 2 throws on it too)
 */
function regexOf(text: unknown): RegExp | undefined {
  const match = typeof text === 'string' ? /^\/(.*)\/([a-z]*)$/s.exec(text) : null;
  if (!match) {
    return undefined;
  }
  try {
    return new RegExp(match[1], match[2]);
  } catch (error) {
    throw new Error(`cdk-layer-sync: a cdk-nag suppression's applies_to pattern ${text as string} is not a valid regular `
      + `expression (${(error as Error).message}); fix the pattern in the NagSuppressions call that added it`);
  }
}

/**
 * cdk-nag 3: an id `Validations.of(s).acknowledge` recorded on the scope, its resource or any scope above, with or
 * without CDK's `annotation::` and the `LayerSync::` prefix CDK prints. As in cdk-nag 3, a granular finding is
 * acknowledged by its own id only (`LayerSync-Name[Parameter::/x]`), any other by the rule's.
 */
function acknowledgedByValidations(scope: IConstruct, rule: string, finding: string | undefined): boolean {
  const wanted = finding !== undefined ? `${rule}[${finding}]` : rule;
  const holders = [...(scope.node.defaultChild ? [scope.node.defaultChild] : []), ...scope.node.scopes];
  return holders.some(holder => holder.node.metadata.some(entry => entry.type === ACKNOWLEDGED_RULES
    && typeof entry.data === 'object' && entry.data !== null
    && Object.keys(entry.data).some(id => id.replace(/^annotation::/i, '').replace(`${PACK_NAME}::`, '') === wanted)));
}
