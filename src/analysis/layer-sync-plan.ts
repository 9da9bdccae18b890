import * as path from 'path';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { changedInternalsOf } from '../cdk-internals/cdk-internal';
import { allContextOf } from '../cdk-internals/node-context';
import { detectLayerSources, FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { LayerSource } from '../detect/layer-source';
import { indexSsmLookups, SsmContextLookup } from '../detect/ssm-context-lookup';
import { fingerprintLayerVersion, LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { PipelineStack, stacksInPipelines } from '../pipelines/pipeline-deployments';
import { deployedStack } from '../dependencies/stack-dependencies';
import { conditionalFingerprint, discoverProducers } from '../producers/discover-producers';
import { environmentOf, LayerProducer, publishingResource } from '../producers/layer-producer';
import { matchEnvironment } from '../registry/environment-match';
import { LayerRegistry } from '../registry/layer-registry';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { checkStaleness, StaleEntry } from '../registry/stale-entries';
import { FingerprintOrigin } from '../facts/consumer-facts';
import { TreeFinding } from '../findings/finding';
import { analyzeConsumer, ConsumerAnalysis, FingerprintResolution, FingerprintSource } from './analyze-consumer';
import { publishedLayersOf, treeFindings } from './tree-findings';

/**
 * What is known about one construct tree, read only: producers discovered anywhere below the root (Stages
 * included), computed once, and each consumer's analysis, made when it is first asked for (so that it sees the
 * layers attached until then) and again on `reanalyze`. Changes nothing in the tree.
 */
export class LayerSyncPlan implements FingerprintSource {
  public readonly producers: readonly LayerProducer[];
  private readonly producersByName = new Map<string, LayerProducer[]>();
  private readonly layerFingerprints = new Map<CfnResource, { fingerprint?: string; error?: string }>();
  private readonly consumers = new Map<CfnResource, ConsumerAnalysis>();
  /** Registry entries whose source directory has changed, by entry. */
  public readonly staleEntries: ReadonlyMap<LayerRegistryEntry, StaleEntry>;
  public readonly registryFile?: string;
  /** SSM lookups cached in the app's context, by value: how a literal layer ARN is traced to `valueFromLookup`. */
  private readonly ssmLookups: ReadonlyMap<string, readonly SsmContextLookup[]>;
  /** Every function resource of the tree when the plan was made. */
  private readonly functions: readonly CfnResource[];
  /** Every stack a CDK Pipeline of the tree deploys, by construct path, as the pipelines' `addStage` read them. */
  public readonly pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>;
  private readonly root: IConstruct;
  private readonly constructs: readonly IConstruct[];
  /** The findings of the whole tree, by the resource the pack reports each on; made on first use. */
  private wholeTreeFindings?: ReadonlyMap<CfnResource | undefined, readonly TreeFinding[]>;

  /**
   * @param staleEntries the registry's stale entries, when the caller already checked them (`staleEntriesOf`)
   */
  /**
   * @param ownLockFile the lock file this app writes (`registryOutput`): a registry read from it is refreshed by this
   * synthesis, so its disagreement with the app's own producers is not reported
   */
  constructor(
    root: IConstruct, private readonly registry?: LayerRegistry, staleEntries?: ReadonlyMap<LayerRegistryEntry, StaleEntry>,
    private readonly ownLockFile?: string,
  ) {
    this.registryFile = registry?._file;
    this.staleEntries = staleEntries ?? staleEntriesOf(registry);
    const constructs = root.node.findAll();
    this.root = root;
    this.constructs = constructs;
    this.pipelineStacks = stacksInPipelines(constructs);
    this.ssmLookups = indexSsmLookups(allContextOf(root), constructs);
    this.producers = discoverProducers(constructs, layer => this.fingerprintOf(layer));
    for (const producer of this.producers) {
      const sameName = this.producersByName.get(producer.parameterName) ?? [];
      sameName.push(producer);
      this.producersByName.set(producer.parameterName, sameName);
    }
    this.functions = constructs.filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === FUNCTION_TYPE);
  }

  /** The analysis of a function, made on first use: it sees the layers the function has then. */
  public consumer(fn: CfnResource): ConsumerAnalysis {
    return this.consumers.get(fn) ?? this.reanalyze(fn);
  }

  /** Analyse a function again, as it stands now (its layers may have changed since), replacing the earlier analysis. */
  public reanalyze(fn: CfnResource): ConsumerAnalysis {
    const analysis = analyzeConsumer(fn, this, this.ssmLookups);
    this.consumers.set(fn, analysis);
    this.wholeTreeFindings = undefined;
    return analysis;
  }

  /**
   * The findings of the whole tree (`treeFindings`) on one resource, every function analysed first, made once for
   * the tree: the same function the aspect's App completion calls, so the pack's tree-wide rules and the aspect agree.
   */
  public treeFindingsOn(resource: CfnResource): readonly TreeFinding[] {
    if (!this.wholeTreeFindings) {
      for (const fn of this.functions) {
        this.consumer(fn);
      }
      const findings = treeFindings({
        constructs: this.constructs,
        consumers: [...this.consumers.values()],
        publishedLayers: publishedLayersOf(this.producers),
        pipelineStacks: this.pipelineStacks,
        ownLockFile: this.ownLockFile,
        changedInternals: changedInternalsOf(this.root),
      });
      const byResource = new Map<CfnResource | undefined, TreeFinding[]>();
      for (const finding of findings) {
        const onResource = byResource.get(finding.resource);
        if (onResource) {
          onResource.push(finding);
        } else {
          byResource.set(finding.resource, [finding]);
        }
      }
      this.wholeTreeFindings = byResource;
    }
    return this.wholeTreeFindings.get(resource) ?? [];
  }

  /** A function's layer sources as they stand now, without analysing them. */
  public currentSources(fn: CfnResource): LayerSource[] {
    return detectLayerSources(fn, this.ssmLookups);
  }

  /**
   * The fingerprint of the layer an SSM parameter names, for a consumer: the app's own producer of it first (the app
   * knows its own layer best, also when it reads the lock file it writes), then the registry's entry.
   */
  public forParameter(parameterName: string, consumer: Stack): FingerprintResolution {
    const { account, region } = environmentOf(consumer);
    const where = describeEnvironment(account, region);
    const assembly = Stage.of(deployedStack(consumer));
    const discovered = matchEnvironment(this.producersByName.get(parameterName) ?? [], account, region,
      p => Stage.of(deployedStack(p.parameter.stack)) === assembly);
    const producer = discovered.match;
    if (producer?.fingerprintError) {
      return { missing: `its producer layer ${publishingResource(producer).node.path} could not be fingerprinted: ${producer.fingerprintError}`, unresolvable: true };
    }
    if (producer) {
      const registered = this.registry?._match(parameterName, account, region).match;
      const disagrees = registered && registered.fingerprint !== producer.fingerprint && !this.isOwnLockFile(this.registry?._file);
      return {
        fingerprint: producer.fingerprint, origin: FingerprintOrigin.DISCOVERED, producer, layer: producer.layer,
        alternatives: producer.alternatives, overriddenRegistryFingerprint: disagrees ? registered.fingerprint : undefined,
      };
    }
    if (this.registry) {
      const registered = this.registry._match(parameterName, account, region);
      if (registered.match) {
        const entry = registered.match;
        return { fingerprint: entry.fingerprint, origin: FingerprintOrigin.REGISTRY, stale: this.staleEntries.get(entry) };
      }
      if (registered.ambiguous.length > 0) {
        return { missing: `the registry has ${registered.ambiguous.length} entries for it that fit ${where} equally well, with different fingerprints` };
      }
    }
    const conditional = conditionalSet(discovered.ambiguous);
    if (conditional) {
      return conditional;
    }
    if (discovered.ambiguous.length > 0) {
      const paths = discovered.ambiguous.map(p => p.parameter.node.path).join(', ');
      return { missing: `several producers fit ${where} equally well, with different layers (${paths}); give the stacks an explicit env` };
    }
    return { missing: `no producer of that parameter is known for ${where}` };
  }

  public forResource(target: CfnResource): FingerprintResolution {
    if (target.cfnResourceType === LAYER_VERSION_TYPE) {
      const result = this.fingerprintResult(target);
      return result.fingerprint !== undefined
        ? { fingerprint: result.fingerprint, origin: FingerprintOrigin.REFERENCE, layer: target }
        : { missing: `layer ${target.node.path} could not be fingerprinted: ${result.error}`, unresolvable: true };
    }
    const producer = this.producers.find(p => p.parameter === target);
    if (producer && !producer.fingerprintError) {
      return {
        fingerprint: producer.fingerprint, origin: FingerprintOrigin.DISCOVERED, producer, layer: producer.layer, alternatives: producer.alternatives,
      };
    }
    return { missing: `the referenced ${target.cfnResourceType} is not a layer version or a parameter holding one` };
  }

  private isOwnLockFile(file: string | undefined): boolean {
    return file !== undefined && this.ownLockFile !== undefined && path.resolve(file) === path.resolve(this.ownLockFile);
  }

  private fingerprintOf(layer: CfnResource): string {
    const result = this.fingerprintResult(layer);
    if (result.fingerprint === undefined) {
      throw new Error(result.error);
    }
    return result.fingerprint;
  }

  private fingerprintResult(layer: CfnResource): { fingerprint?: string; error?: string } {
    let result = this.layerFingerprints.get(layer);
    if (!result) {
      try {
        result = { fingerprint: fingerprintLayerVersion(layer) };
      } catch (error) {
        result = { error: (error as Error).message };
      }
      this.layerFingerprints.set(layer, result);
    }
    return result;
  }
}

/**
 * Parameters of one name in one stack, each under a CloudFormation condition (as the AWS Powertools layer stack
 * publishes one parameter per architecture): CloudFormation creates the one whose condition holds, so the consumer
 * follows all of them, with one fingerprint over every choice. Undefined for any other set.
 */
function conditionalSet(producers: readonly LayerProducer[]): FingerprintResolution | undefined {
  if (producers.length < 2 || new Set(producers.map(p => p.parameter.stack)).size !== 1
    || producers.some(p => p.parameter.cfnOptions.condition === undefined)) {
    return undefined;
  }
  const failed = producers.find(p => p.fingerprintError);
  if (failed) {
    return { missing: `its producer layer ${publishingResource(failed).node.path} could not be fingerprinted: ${failed.fingerprintError}`, unresolvable: true };
  }
  const layers = producers.flatMap(p => p.alternatives ?? (p.layer ? [p.layer] : []));
  return {
    fingerprint: conditionalFingerprint(producers.map(p => p.fingerprint)), origin: FingerprintOrigin.DISCOVERED,
    producer: producers[0], layer: layers[0], alternatives: layers,
  };
}

function describeEnvironment(account?: string, region?: string): string {
  return `account ${account ?? '(any)'}, region ${region ?? '(any)'}`;
}

/** The entries of a registry whose source directory no longer has the registered fingerprint. */
export function staleEntriesOf(registry: LayerRegistry | undefined): Map<LayerRegistryEntry, StaleEntry> {
  const stale = new Map<LayerRegistryEntry, StaleEntry>();
  for (const entry of registry?.entries ?? []) {
    const check = checkStaleness(entry);
    if (check) {
      stale.set(entry, check);
    }
  }
  return stale;
}
