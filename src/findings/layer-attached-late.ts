import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A layer reached a function after the aspect ran, too late for its fingerprint to be written. */
export const LAYER_ATTACHED_LATE: FindingDefinition = {
  id: 'cdk-layer-sync:LayerAttachedLate',
  levelProp: 'layerAttachedLate',
  defaultLevel: FindingLevel.WARNING,
  explanation: 'Another aspect gave the function a layer after LayerDependencyAspect ran, in a nested stack whose '
    + 'template CDK had already fixed: the fingerprint could not be written, so the function will not follow that layer.',
};

/** Message for a function in a nested stack whose layers changed after the aspect visited it. */
export function layerAttachedLateMessage(functionPath: string, nestedStackPath: string, layers: readonly string[]): string {
  return `function ${functionPath} got layer(s) ${layers.join(', ')} after LayerDependencyAspect ran (another aspect `
    + `attached them at a later priority), and CDK had already fixed the template of its nested stack ${nestedStackPath}, `
    + 'so their fingerprint could not be written: it will not follow them. Fix: attach the layers when the function is '
    + 'built, or add the aspect that attaches them with a priority lower than LayerDependencyAspect\'s '
    + '(e.g. { priority: AspectPriority.MUTATING - 1 }).';
}
