import { IConstruct } from 'constructs';

/**
 * One part of aws-cdk-lib (or constructs) that this library reads although no public API offers it. Every such
 * read lives in `src/cdk-internals/`, checks the shape it expects, and on a mismatch records what it found here, so
 * that the synthesis reports `cdk-layer-sync:UnsupportedCdkRelease` instead of a consumer going stale in silence.
 */
export interface CdkInternal {
  /** What is read, as aws-cdk-lib names it. */
  readonly name: string;
  /** The checks of this library that are off while the read fails. */
  readonly checksOff: string;
}

/** A read of a CDK internal that found another shape than expected. */
export interface ChangedInternal {
  readonly internal: CdkInternal;
  /** Where it was read: the construct the finding is reported on. */
  readonly scope: IConstruct;
  /** What was found instead, in a few words. */
  readonly found: string;
}

/**
 * The error a guarded read throws once it has recorded the change: callers that turn errors into findings or
 * skip the construct do so as before, and the change is reported whatever they do.
 */
export class CdkInternalChangedError extends Error {
  constructor(public readonly change: ChangedInternal) {
    super(`aws-cdk-lib ${installedCdkRelease()} changed ${change.internal.name}: ${change.found}`);
    this.name = 'CdkInternalChangedError';
  }
}

const CHANGES = new WeakMap<IConstruct, Map<string, ChangedInternal>>();

/**
 * Record that `internal` has another shape than expected, once per construct tree and internal (the first place it
 * was met is the one reported).
 *
 * @returns the recorded change, for the caller's error
 */
export function recordChangedInternal(scope: IConstruct, internal: CdkInternal, found: string): ChangedInternal {
  const root = scope.node.root;
  let changes = CHANGES.get(root);
  if (!changes) {
    changes = new Map();
    CHANGES.set(root, changes);
  }
  const change = changes.get(internal.name) ?? { internal, scope, found };
  changes.set(internal.name, change);
  return change;
}

/** Record the change and throw it as a `CdkInternalChangedError`. */
export function changedInternal(scope: IConstruct, internal: CdkInternal, found: string): never {
  throw new CdkInternalChangedError(recordChangedInternal(scope, internal, found));
}

/** Every CDK internal found changed in the tree of `scope`, in the order they were met. */
export function changedInternalsOf(scope: IConstruct): ChangedInternal[] {
  return [...(CHANGES.get(scope.node.root)?.values() ?? [])];
}

/** The installed aws-cdk-lib release, as its package.json says. */
export function installedCdkRelease(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifest: unknown = require('aws-cdk-lib/package.json');
  const version = (manifest as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : '(release unknown)';
}

/** A value's shape in a few words, for `found`. */
export function shapeOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? `an object with keys ${JSON.stringify(Object.keys(value as object).slice(0, 5))}` : typeof value;
}
