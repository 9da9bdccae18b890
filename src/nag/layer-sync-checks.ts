import * as fs from 'fs';
import { IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PACK_NAME } from '../annotate/nag-suppressions';
import { installedCdkNag } from './installed-cdk-nag';
import { LayerSyncChecksProps } from './layer-sync-checks-props';
import { createNagV2Pack } from './nag-v2-pack';
import { createNagV3Pack, NagPackV3 } from './nag-v3-pack';

/** What to do when the pack is registered as a validation plugin while cdk-nag 2 is installed. */
const WRONG_REGISTRATION = 'with cdk-nag 2 installed, the pack is an Aspect, not a validation plugin: register it with '
  + '`Aspects.of(app).add(new LayerSyncChecks())` instead of `Validations.of(app).addPlugins(...)`.';

/**
 * The findings of `LayerDependencyAspect` as a cdk-nag rule pack, `LayerSync`, used the way the installed cdk-nag
 * major uses its own packs:
 *
 * ```ts
 * // cdk-nag 2: one of the App's aspects, silenced with cdk-nag's NagSuppressions
 * Aspects.of(app).add(new LayerSyncChecks());
 * // cdk-nag 3: a validation plugin, silenced with CDK's validation acknowledgements
 * Validations.of(app).addPlugins(new LayerSyncChecks(app));
 * ```
 *
 * One rule per finding that describes a consumer or a layer at risk (`LayerSync-UnhashedConsumer`,
 * `LayerSync-ConsumerNotFollowing`, ...). Findings about an SSM parameter are granular
 * (`LayerSync-UnhashedConsumer[Parameter::/x]`), so one external parameter can be silenced once.
 *
 * The pack reads the aspect's own analysis and never changes a template. `LayerSync-ConsumerNotFollowing` fails
 * every consumer that could follow its layer but does not carry the layer's current fingerprint, so an app
 * passes only with `LayerDependencyAspect` on it. cdk-nag is not a dependency of this library: the pack loads
 * the app's own cdk-nag when it is constructed, and throws a message saying what to install when there is none,
 * or when the aws-cdk-lib beside it is older than the pack needs (2.172.0 with cdk-nag 2, 2.258.0 with cdk-nag 3).
 */
export class LayerSyncChecks implements IAspect {
  /** The pack's name, as cdk-nag and the validation report show it. */
  public readonly name: string = PACK_NAME;
  /** The major of the installed cdk-nag the pack runs on: 2 or 3. */
  public readonly cdkNagMajor: number;
  private readonly aspect?: IAspect;
  private readonly plugin?: NagPackV3;

  /**
   * @param scope the App (cdk-nag 3 packs take it; cdk-nag 2 ignores it)
   * @param props the registry and cdk-nag options
   */
  constructor(scope?: IConstruct, props: LayerSyncChecksProps = {}) {
    const cdkNag = installedCdkNag();
    this.cdkNagMajor = cdkNag.major;
    if (cdkNag.major === 2) {
      this.aspect = createNagV2Pack(cdkNag.module, props);
    } else {
      this.plugin = createNagV3Pack(cdkNag.module, scope, props);
    }
  }

  /**
   * cdk-nag 2: check one construct; CDK calls it when the pack is one of the App's aspects.
   * With cdk-nag 3 this throws, saying to register the pack as a validation plugin instead.
   */
  public visit(node: IConstruct): void {
    if (!this.aspect) {
      throw new Error(`LayerSyncChecks at ${node.node.path}: with cdk-nag 3 installed, the pack is a validation plugin, `
        + 'not an Aspect: replace `Aspects.of(app).add(new LayerSyncChecks())` with '
        + '`Validations.of(app).addPlugins(new LayerSyncChecks(app))`.');
    }
    this.aspect.visit(node);
  }

  /**
   * cdk-nag 3: validate the app; CDK calls it when the pack is one of the App's validation plugins.
   * The context is aws-cdk-lib's `IPolicyValidationContext`; the result its `PolicyValidationPluginReport`.
   * With cdk-nag 2 this throws, saying to add the pack as an Aspect.
   */
  // `any`, not aws-cdk-lib's plugin types: they exist only from 2.257 on, and a jsii type naming them would keep
  // the package from loading in Python on older releases. Structurally the class is an `IPolicyValidationPlugin`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  public validate(context: any): any {
    if (!this.plugin) {
      // cdk-nag 2 installed, registered the cdk-nag 3 way. An exception here would only reach validation-report.json
      // (CDK records a plugin's failure and goes on): a fatal violation fails `cdk synth` and prints the line to use.
      return {
        success: false,
        violations: [{
          ruleName: 'LayerSync-Registration',
          description: WRONG_REGISTRATION,
          fix: 'Aspects.of(app).add(new LayerSyncChecks())',
          severity: 'fatal',
          // CDK prints a violation only with a resource to show it on: the first of the first template.
          violatingResources: firstResource(context),
        }],
      };
    }
    return this.plugin.validate(context);
  }

  /**
   * cdk-nag 3: validate a construct tree directly, as cdk-nag's own tests do; returns aws-cdk-lib's
   * `PolicyValidationPluginReport`. With cdk-nag 2 this throws, saying to add the pack as an Aspect.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  public validateScope(scope: IConstruct): any {
    return this.requirePlugin('validateScope').validateScope(scope);
  }

  private requirePlugin(method: string): NagPackV3 {
    if (!this.plugin) {
      throw new Error(`LayerSyncChecks.${method}: ${WRONG_REGISTRATION}`);
    }
    return this.plugin;
  }
}

/** The first resource of the first template a validation context names, as a violating resource; none when empty. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function firstResource(context: any): Array<{ resourceLogicalId: string; templatePath: string; locations: string[] }> {
  for (const templatePath of (context?.templatePaths ?? []) as string[]) {
    try {
      const logicalId = Object.keys(JSON.parse(fs.readFileSync(templatePath, 'utf-8')).Resources ?? {})[0];
      if (logicalId) {
        return [{ resourceLogicalId: logicalId, templatePath, locations: [] }];
      }
    } catch {
      // A template that cannot be read names no resource: the next one may.
    }
  }
  return [];
}
