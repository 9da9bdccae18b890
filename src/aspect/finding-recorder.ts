import { IConstruct } from 'constructs';
import { reportFinding } from '../annotate/report-finding';
import { FindingDefinition } from '../findings/finding';
import { FindingLevel } from '../findings/finding-level';
import { acknowledgementAdvice } from '../findings/user-language';
import { ReportFinding } from '../report/report-shape';

/** A finding the aspect reported, with where it stands, for the report and for surfacing it from Stages. */
export interface RecordedFinding extends ReportFinding {
  readonly scope: IConstruct;
  readonly definition: FindingDefinition;
  readonly findingLevel: FindingLevel;
  /** True when the annotation stands on its construct (not acknowledged). */
  readonly stands: boolean;
}

/**
 * Reports findings at the levels the props give, on constructs, and records each once for the report.
 */
export class FindingRecorder {
  private readonly findings = new Map<string, RecordedFinding>();

  /**
   * Report a finding at `level` (nothing at OFF); warnings get the acknowledgement hint naming their id.
   *
   * @param parameterName the SSM parameter the finding is about, when it is about one
   */
  public report(scope: IConstruct, definition: FindingDefinition, level: FindingLevel, finding: string, parameterName?: string): void {
    if (level === FindingLevel.OFF) {
      return;
    }
    // Only warnings can be acknowledged; the hint names the construct the finding is on.
    const message = level === FindingLevel.WARNING
      ? `${finding} ${acknowledgementAdvice(definition.id)}.`
      : finding;
    const stands = reportFinding(scope, definition, level, message, parameterName);
    const path = scope.node.path;
    const key = `${definition.id}\u0000${path}\u0000${message}`;
    if (!this.findings.has(key)) {
      this.findings.set(key, { id: definition.id, level, path, message, scope, definition, findingLevel: level, stands });
    }
  }

  /** Every finding reported, once each, in the order reported. */
  public get all(): RecordedFinding[] {
    return [...this.findings.values()];
  }
}
