import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FindingDefinition } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { isAcknowledged } from './acknowledgements';
import { isSuppressedInCdkNag } from './nag-suppressions';

/** Metadata types CDK uses for annotations (cx-schema ArtifactMetadataEntryType). */
const METADATA_TYPE: Record<FindingLevel, string | undefined> = {
  [FindingLevel.ERROR]: 'aws:cdk:error',
  [FindingLevel.WARNING]: 'aws:cdk:warning',
  [FindingLevel.INFO]: 'aws:cdk:info',
  [FindingLevel.OFF]: undefined,
};

/**
 * Report a finding on a construct at the given level.
 *
 * Reporting the same message twice on the same construct adds it once, so that an aspect applied twice
 * (at app and stack level, say) reports what it would report once.
 *
 * @param parameterName the SSM parameter the finding is about, for a cdk-nag suppression of that one parameter
 * @returns true when the annotation stands on the construct: false at level OFF, or when the warning was
 * acknowledged on the construct or a scope above it (with the finding's id, or the cdk-nag pack's rule id)
 */
export function reportFinding(
  scope: IConstruct, definition: FindingDefinition, level: FindingLevel, message: string, parameterName?: string,
): boolean {
  const metadataType = METADATA_TYPE[level];
  if (metadataType === undefined) {
    return false;
  }
  const text = level === FindingLevel.WARNING ? message : `${definition.id}: ${message}`;
  const stands = () => scope.node.metadata.some(entry =>
    entry.type === metadataType && typeof entry.data === 'string' && entry.data.startsWith(text));
  if (stands()) {
    return true;
  }
  if (level === FindingLevel.WARNING
    && (isAcknowledged(scope, definition.id) || isSuppressedInCdkNag(scope, definition, parameterName))) {
    return false;
  }
  const annotations = Annotations.of(scope);
  switch (level) {
    case FindingLevel.ERROR:
      annotations.addError(text);
      break;
    case FindingLevel.WARNING:
      annotations.addWarningV2(definition.id, text);
      break;
    case FindingLevel.INFO:
      annotations.addInfo(text);
      break;
  }
  return stands();
}
