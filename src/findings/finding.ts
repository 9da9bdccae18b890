import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isAcknowledged } from './acknowledgements';
import { FindingLevel } from './finding-level';

/**
 * What every finding module declares: cdk-nag style, one finding per file.
 */
export interface FindingDefinition {
  /** The id users acknowledge, `cdk-layer-sync:Name`. */
  readonly id: string;
  /** The level used when the aspect's props do not set one. */
  readonly defaultLevel: FindingLevel;
  /** One sentence: why the finding matters. Shown in the README's findings reference. */
  readonly explanation: string;
}

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
 * @returns true when the annotation stands on the construct: false at level OFF, or when the warning was
 * acknowledged on the construct or a scope above it
 */
export function reportFinding(scope: IConstruct, definition: FindingDefinition, level: FindingLevel, message: string): boolean {
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
  if (level === FindingLevel.WARNING && isAcknowledged(scope, definition.id)) {
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
