import { LayerSourceKind } from '../detect/layer-source';
import { deployConsequence } from './deploy-consequence';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';
import { addToAppLine, apiName, stageLine } from './user-language';

/** A Stage was synthesized without `LayerDependencyAspect`, so its functions do not follow their layers. */
export const STAGE_NOT_COVERED: FindingDefinition = {
  id: 'cdk-layer-sync:StageNotCovered',
  levelProp: 'stageNotCovered',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'Aspects added to the App never reach the constructs of a Stage, and CDK Pipelines synthesizes a Stage '
    + 'in addStage(), before any App aspect runs: a function in a Stage without the aspect keeps the old layer\'s '
    + 'configuration when the layer changes, and its versions and aliases stay behind.',
};


/**
 * Message for one Stage whose functions that need the aspect to follow their layers no `LayerDependencyAspect` visited.
 * @param whyNotCovered why `LayerDependencyAspect.addToApp()` did not cover it, where the app made that call
 * @param kinds how the layers those functions cannot follow reach them, which decides what `cdk deploy` does
 */
export function stageNotCoveredMessage(
  stagePath: string, functionPaths: readonly string[], whyNotCovered?: string, kinds: readonly LayerSourceKind[] = [],
): string {
  const shown = functionPaths.slice(0, 3).join(', ') + (functionPaths.length > 3 ? `, and ${functionPaths.length - 3} more` : '');
  return `Stage ${stagePath} was synthesized without LayerDependencyAspect, so ${functionPaths.length} function(s) in it `
    + `that follow their layers only through the aspect (${shown}) will keep their configuration when those layers `
    + `change: ${deployConsequence(kinds)}. Aspects on the App never reach a Stage, and CDK Pipelines `
    + `synthesizes each Stage when ${apiName('addStage')}() is called. `
    + (whyNotCovered ? `LayerDependencyAspect.addToApp() did not cover it: ${whyNotCovered}. ` : '')
    + `Fix: add the aspect inside the Stage, as the first line after super() in its constructor: ${stageLine()}`
    + (whyNotCovered ? '.' : `; or, on aws-cdk-lib 2.196.0 and later, call ${addToAppLine()} right after creating the App.`);
}
