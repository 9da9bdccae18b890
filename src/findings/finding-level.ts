/**
 * How seriously a finding is reported.
 */
export enum FindingLevel {
  /** An error annotation: `cdk synth` fails. Errors cannot be acknowledged. */
  ERROR = 'ERROR',
  /**
   * A warning annotation, added with `addWarningV2` so that
   * `Annotations.of(scope).acknowledgeWarning(id, reason)` silences it. `cdk synth --strict` fails on it.
   */
  WARNING = 'WARNING',
  /** An info annotation: printed, never fails synthesis. */
  INFO = 'INFO',
  /** Not reported at all. */
  OFF = 'OFF',
}
