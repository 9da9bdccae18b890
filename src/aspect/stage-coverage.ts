import * as core from 'aws-cdk-lib';
import { Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { installedCdkRelease } from '../cdk-internals/cdk-internal';

/**
 * The part of aws-cdk-lib's property injectors (2.196 and later) the App-wide call uses. Typed here, not imported,
 * so that the library still loads on the releases without them.
 */
interface PropertyInjector {
  readonly constructUniqueId: string;
  inject(originalProps: unknown, context: { readonly scope: IConstruct; readonly id: string }): unknown;
}
interface PropertyInjectorsApi {
  of(scope: IConstruct): { add(...injectors: PropertyInjector[]): void; for(uniqueId: string): PropertyInjector | undefined };
}

/** `lambda.Function`'s id for property injectors, and the injectors API, where this aws-cdk-lib release has them. */
function injectorsApi(): { api: PropertyInjectorsApi; functionId: string } | undefined {
  const api = (core as unknown as { PropertyInjectors?: PropertyInjectorsApi }).PropertyInjectors;
  const functionId = (lambda.Function as unknown as { PROPERTY_INJECTION_ID?: string }).PROPERTY_INJECTION_ID;
  return api && typeof api.of === 'function' && functionId ? { api, functionId } : undefined;
}

/** What `LayerDependencyAspect.addToApp` registered on one tree. */
export interface AppWideCoverage {
  /** The injector it registered on the App, or undefined on a release without property injectors. */
  readonly injector?: PropertyInjector;
  readonly functionId?: string;
  /** Paths of the functions the injector saw built (each gets its Stage covered). */
  readonly seen: Set<string>;
}

const COVERAGE = new WeakMap<IConstruct, AppWideCoverage>();
/** Every LayerDependencyAspect made (this module cannot import the class: the class imports it). */
const LAYER_SYNC_ASPECTS = new WeakSet<object>();
/** Aspects the App-wide call added to Stages: a Stage's own line, where it has one, takes precedence over them. */
const IMPLICIT = new WeakSet<object>();

/** Record a LayerDependencyAspect, so that a Stage's aspects can be told apart from others. */
export function registerLayerSyncAspect(aspect: object): void {
  LAYER_SYNC_ASPECTS.add(aspect);
}

/**
 * Register, on the App, a property injector for `lambda.Function` that gives the Stage of every function built
 * below it its own aspect (`makeAspect()`), once per Stage, and the Stages already built get theirs now. An injector
 * the user registered for the same id before the call is chained: it still runs. Does nothing, and returns false, on
 * a release without property injectors.
 */
export function coverStagesAsBuilt(app: IConstruct, makeAspect: () => core.IAspect): boolean {
  const found = injectorsApi();
  if (!found) {
    COVERAGE.set(app.node.root, { seen: new Set() });
    return false;
  }
  const injectors = found.api.of(app);
  const previous = injectors.for(found.functionId);
  const seen = new Set<string>();
  const injector: PropertyInjector = {
    constructUniqueId: found.functionId,
    inject(originalProps, context) {
      seen.add(`${context.scope.node.path}/${context.id}`);
      const stage = Stage.of(context.scope);
      if (stage && !core.App.isApp(stage) && !hasLayerSyncAspect(stage)) {
        const aspect = makeAspect();
        IMPLICIT.add(aspect);
        // DEFAULT, not MUTATING: a Stage's first function may be built by another aspect while the Stage synthesizes,
        // and with aspect stabilization CDK refuses an aspect added then at a lower priority than one already run.
        core.Aspects.of(stage).add(aspect, { priority: core.AspectPriority.DEFAULT });
      }
      return previous ? previous.inject(originalProps, context) : originalProps;
    },
  };
  injectors.add(injector);
  COVERAGE.set(app.node.root, { injector, functionId: found.functionId, seen });
  // Stages built before the call get their aspect now: those not yet synthesized (no CDK Pipelines' addStage() ran
  // on them) then follow like the others; those already synthesized are reported by StageNotCovered.
  for (const stage of app.node.findAll()) {
    if (Stage.isStage(stage) && stage !== app.node.root && !core.App.isApp(stage) && !hasLayerSyncAspect(stage)) {
      const aspect = makeAspect();
      IMPLICIT.add(aspect);
      core.Aspects.of(stage).add(aspect, { priority: core.AspectPriority.DEFAULT });
    }
  }
  return true;
}

/** Whether a LayerDependencyAspect is on `stage` itself (added by its own line or by the App-wide call). */
function hasLayerSyncAspect(stage: IConstruct): boolean {
  return core.Aspects.of(stage).all.some(isLayerSyncAspect);
}

function isLayerSyncAspect(aspect: object): boolean {
  return LAYER_SYNC_ASPECTS.has(aspect);
}

/**
 * The aspect that works in the synthesis of `scope` when several LayerDependencyAspects are on it (its own line and
 * the App-wide call, or the line twice): the first the Stage's own code added, else the first. Undefined when none is
 * on `scope` itself (an aspect added to a stack, say).
 */
export function workingAspectOf(scope: IConstruct): object | undefined {
  const mine = core.Aspects.of(scope).all.filter(isLayerSyncAspect);
  return mine.find(a => !IMPLICIT.has(a)) ?? mine[0];
}

/**
 * Why the App-wide call did not cover `stage`, for StageNotCovered; undefined when the call was not made.
 * @param functions the Stage's uncovered functions (their L1 resources)
 */
export function whyNotCoveredByAppWideCall(stage: Stage, functions: readonly IConstruct[]): string | undefined {
  const coverage = COVERAGE.get(stage.node.root);
  if (!coverage) {
    return undefined;
  }
  if (!coverage.injector) {
    return `it covers Stages through property injectors, which aws-cdk-lib ${installedCdkRelease()} `
      + 'does not have (2.196.0 and later do): on this release each Stage needs its own line';
  }
  const id = coverage.functionId!;
  const injectorsApiFound = injectorsApi()!;
  for (let scope: IConstruct | undefined = stage; scope && !core.App.isApp(scope); scope = scope.node.scope) {
    const own = injectorsApiFound.api.of(scope).for(id);
    if (own && own !== coverage.injector) {
      return `a property injector for lambda.Function registered on ${scope.node.path} shadows the one `
        + 'LayerDependencyAspect.addToApp() registered on the App (CDK uses the nearest): call its inject from yours, '
        + 'or add the Stage line';
    }
  }
  if (injectorsApiFound.api.of(stage.node.root).for(id) !== coverage.injector) {
    return 'another property injector for lambda.Function was added to the App after LayerDependencyAspect.addToApp() '
      + 'and replaced it (one per construct type and scope): register yours before the call, which chains it';
  }
  const owners = functions.map(fn => fn.node.scope);
  if (owners.every(owner => !(owner instanceof lambda.Function))) {
    return 'its functions are raw CfnFunctions (or CustomResourceProvider functions), which no property injector sees';
  }
  if (owners.some(owner => owner instanceof lambda.Function && !coverage.seen.has(owner.node.path))) {
    return 'its functions were built before LayerDependencyAspect.addToApp(app) was called: call it right after new App()';
  }
  return undefined;
}
