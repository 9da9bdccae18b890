import { IConstruct } from 'constructs';
import { CdkInternal, recordChangedInternal, shapeOf } from './cdk-internal';

export const NODE_CONTEXT: CdkInternal = {
  name: 'constructs Node._context (constructs before 10.3, which have no getAllContext)',
  checksOff: '`CachedLayerLookup` (a layer ARN cached by `valueFromLookup` in cdk.context.json is read as a literal ARN)',
};

/**
 * All context of the root, where the CLI puts `cdk.context.json` and `-c` values: `node.getAllContext()` (public
 * since constructs 10.3), else the node's own `_context`, which older constructs keep there.
 *
 * Checked: one of the two is there, and is an object. Otherwise recorded for `UnsupportedCdkRelease`, and no context
 * is read.
 */
export function allContextOf(root: IConstruct): Record<string, unknown> {
  const node = root.node as unknown as { getAllContext?: unknown; _context?: unknown };
  if (typeof node.getAllContext === 'function') {
    return (node.getAllContext as () => Record<string, unknown> | undefined).call(root.node) ?? {};
  }
  if (node._context === null || typeof node._context !== 'object' || Array.isArray(node._context)) {
    recordChangedInternal(root, NODE_CONTEXT, `there is no getAllContext, and _context is ${shapeOf(node._context)}`);
    return {};
  }
  return node._context as Record<string, unknown>;
}
