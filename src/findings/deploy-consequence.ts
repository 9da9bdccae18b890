import { LayerSourceKind } from '../detect/layer-source';

/**
 * What `cdk deploy` does to a function that does not follow its layer, by how the layer ARN reaches it, as the deploy
 * suite measured it with the real CLI (docs/deploy.md):
 * - an SSM parameter type: the CLI deploys the stack every time and CloudFormation re-reads the parameter, so
 *   `$LATEST` gets the new layer, but the Version keeps its logical id: no version is published, aliases stay;
 * - `{{resolve:ssm:...}}`, a weak reference or another stack's output: the template is byte-identical, so the CLI says
 *   `(no changes)` and nothing moves;
 * - a value computed at deploy time (a custom resource, a plain parameter): the template does not change with the
 *   layer, so no version is published either.
 */
export function deployConsequence(kinds: readonly LayerSourceKind[]): string {
  const forms = new Set(kinds.map(formOf));
  if (forms.size === 1 && forms.has('parameter-type')) {
    return 'cdk deploy updates its stack and $LATEST gets the new layer (CloudFormation re-reads an SSM parameter type), '
      + 'but no version is published and its aliases keep the old layer';
  }
  if (forms.size === 1 && forms.has('identical-template')) {
    return 'its template does not change, so cdk deploy reports "(no changes)" for its stack and the function, its '
      + 'versions and its aliases keep the old layer';
  }
  if (forms.size === 1 && forms.has('deploy-time')) {
    return 'its template does not change with the layer, so no version is published and its versions and aliases keep '
      + 'the old layer (and so does $LATEST, unless CloudFormation resolves the new ARN at deploy)';
  }
  return 'cdk deploy either reports "(no changes)" for its stack (for {{resolve:ssm}} and weak references) or updates '
    + 'only $LATEST (for an SSM parameter type): no version is published and its aliases keep the old layer';
}

type DeployForm = 'parameter-type' | 'identical-template' | 'deploy-time';

function formOf(kind: LayerSourceKind): DeployForm {
  switch (kind) {
    case LayerSourceKind.SSM_PARAMETER:
      return 'parameter-type';
    case LayerSourceKind.SSM_DYNAMIC_REFERENCE:
    case LayerSourceKind.WEAK_REFERENCE:
    case LayerSourceKind.STACK_OUTPUT:
    case LayerSourceKind.CACHED_LOOKUP:
    case LayerSourceKind.LITERAL_ARN:
    case LayerSourceKind.LOCAL:
      return 'identical-template';
    default:
      return 'deploy-time';
  }
}
