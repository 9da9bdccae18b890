import { App, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { indexSsmLookups, SsmContextLookup } from '../detect/ssm-context-lookup';
import { fingerprintLayerVersion, LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { PipelineStack, stacksInPipelines } from '../pipelines/pipeline-deployments';
import { deployedStack } from '../dependencies/stack-dependencies';
import { discoverProducers } from '../producers/discover-producers';
import { environmentOf, LayerProducer } from '../producers/layer-producer';
import { matchEnvironment } from '../registry/environment-match';
import { LayerRegistry } from '../registry/layer-registry';
import { LayerRegistryEntry } from '../registry/layer-registry-entry';
import { checkStaleness, StaleEntry } from '../registry/stale-entries';
import { ReportedFinding } from '../report/layer-dependency-report';
import { previousLayerAssets } from '../report/read-report';
import { LayerAssetRecord } from '../report/report-shape';
import { recordLayerAsset } from './stale-asset-finding';
import { analyzeConsumer, ConsumerAnalysis, FingerprintOrigin, FingerprintResolution, FingerprintSource } from './analyze-consumer';

/**
 * What the aspect knows about one construct tree, computed once, before any rewrite:
 * producers discovered anywhere below the root (Stages included), then every consumer's analysis.
 */
export class LayerSyncPlan implements FingerprintSource {
  public readonly producers: readonly LayerProducer[];
  private readonly producersByName = new Map<string, LayerProducer[]>();
  private readonly layerFingerprints = new Map<CfnResource, { fingerprint?: string; error?: string }>();
  private readonly consumers = new Map<CfnResource, ConsumerAnalysis>();
  /** Registry entries whose source directory has changed, by entry. */
  public readonly staleEntries: ReadonlyMap<LayerRegistryEntry, StaleEntry>;
  /** Every finding the aspect reported for this tree (levels other than OFF), once each. */
  private readonly findings = new Map<string, ReportedFinding>();
  /** Consumers following each layer version of the app, indexed as they are analysed. */
  private readonly consumersByLayer = new Map<CfnResource, ConsumerAnalysis[]>();
  public readonly registryFile?: string;
  /** Every Stage of the tree, each before the Stages that contain it. */
  public readonly stagesDeepestFirst: readonly Stage[];
  private assets?: ReadonlyMap<CfnResource, LayerAssetRecord>;
  private readonly layerVersions: readonly CfnResource[];
  /** The layer assets the previous synthesis into the same cloud assembly directory recorded, by layer path. */
  public readonly previousLayerAssets: ReadonlyMap<string, LayerAssetRecord>;
  /** SSM lookups cached in the app's context, by value: how a literal layer ARN is traced to `valueFromLookup`. */
  private readonly ssmLookups: ReadonlyMap<string, readonly SsmContextLookup[]>;
  /** Every stack a CDK Pipeline of the tree deploys, by construct path, as the pipelines' `addStage` read them. */
  public readonly pipelineStacks: ReadonlyMap<string, readonly PipelineStack[]>;

  constructor(root: IConstruct, private readonly registry?: LayerRegistry) {
    this.registryFile = registry?._file;
    const stale = new Map<LayerRegistryEntry, StaleEntry>();
    for (const entry of registry?.entries ?? []) {
      const check = checkStaleness(entry);
      if (check) {
        stale.set(entry, check);
      }
    }
    this.staleEntries = stale;
    const constructs = root.node.findAll();
    // findAll lists a construct before its descendants; reversed, every Stage precedes its ancestors.
    this.stagesDeepestFirst = constructs.filter(c => Stage.isStage(c) && c !== root).reverse() as Stage[];
    this.pipelineStacks = stacksInPipelines(constructs);
    this.previousLayerAssets = previousLayerAssets(App.isApp(root) ? root.outdir : undefined);
    this.layerVersions = constructs.filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === LAYER_VERSION_TYPE);
    this.ssmLookups = indexSsmLookups(allContext(root));
    this.producers = discoverProducers(constructs, layer => this.fingerprintOf(layer));
    for (const producer of this.producers) {
      const sameName = this.producersByName.get(producer.parameterName) ?? [];
      sameName.push(producer);
      this.producersByName.set(producer.parameterName, sameName);
    }
    for (const construct of constructs) {
      if (CfnResource.isCfnResource(construct) && construct.cfnResourceType === FUNCTION_TYPE) {
        this.consumer(construct);
      }
    }
  }

  /** The analysis of a function; functions added after the plan was made are analysed on demand. */
  public consumer(fn: CfnResource): ConsumerAnalysis {
    let analysis = this.consumers.get(fn);
    if (!analysis) {
      analysis = analyzeConsumer(fn, this, this.ssmLookups);
      this.consumers.set(fn, analysis);
      for (const layer of new Set(analysis.tracked.map(t => t.layer))) {
        if (!layer) {
          continue;
        }
        const followers = this.consumersByLayer.get(layer);
        if (followers) {
          followers.push(analysis);
        } else {
          this.consumersByLayer.set(layer, [analysis]);
        }
      }
    }
    return analysis;
  }

  /** Every analysed consumer. */
  public get allConsumers(): ConsumerAnalysis[] {
    return [...this.consumers.values()];
  }

  /** Consumers in other stacks that follow the given layer version. */
  public consumersInOtherStacks(layer: CfnResource): ConsumerAnalysis[] {
    const layerStack = Stack.of(layer);
    return (this.consumersByLayer.get(layer) ?? []).filter(c => c.stack !== layerStack);
  }

  /**
   * Every layer version's directory asset with its source fingerprinted, by layer resource. Made on first use:
   * only the aspect needs it (the report, `StaleAssetHash`), not a read-only pack.
   */
  public get layerAssets(): ReadonlyMap<CfnResource, LayerAssetRecord> {
    if (!this.assets) {
      const assets = new Map<CfnResource, LayerAssetRecord>();
      for (const layer of this.layerVersions) {
        const record = recordLayerAsset(layer);
        if (record) {
          assets.set(layer, record);
        }
      }
      this.assets = assets;
    }
    return this.assets;
  }

  /** A CDK Pipeline of the tree that deploys the stack of `scope`, if any. */
  public pipelineDeploying(scope: IConstruct): IConstruct | undefined {
    if (this.pipelineStacks.size === 0) {
      return undefined;
    }
    return this.pipelineStacks.get(deployedStack(Stack.of(scope)).node.path)?.[0]?.pipeline;
  }

  /** Record a reported finding; the same finding on the same construct is recorded once. */
  public recordFinding(finding: ReportedFinding): void {
    this.findings.set(`${finding.id}\u0000${finding.path}\u0000${finding.message}`, finding);
  }

  /** Every finding reported for this tree. */
  public get reportedFindings(): ReportedFinding[] {
    return [...this.findings.values()];
  }

  public forParameter(parameterName: string, consumer: Stack): FingerprintResolution {
    const { account, region } = environmentOf(consumer);
    const where = describeEnvironment(account, region);
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
    const assembly = Stage.of(deployedStack(consumer));
    const discovered = matchEnvironment(this.producersByName.get(parameterName) ?? [], account, region,
      p => Stage.of(deployedStack(p.parameter.stack)) === assembly);
    const producer = discovered.match;
    if (producer?.fingerprintError) {
      return { missing: `its producer layer ${producer.layer.node.path} could not be fingerprinted: ${producer.fingerprintError}`, unresolvable: true };
    }
    if (producer) {
      return { fingerprint: producer.fingerprint, origin: FingerprintOrigin.DISCOVERED, producer, layer: producer.layer };
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
      return { fingerprint: producer.fingerprint, origin: FingerprintOrigin.DISCOVERED, producer, layer: producer.layer };
    }
    return { missing: `the referenced ${target.cfnResourceType} is not a layer version or a parameter holding one` };
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

function describeEnvironment(account?: string, region?: string): string {
  return `account ${account ?? '(any)'}, region ${region ?? '(any)'}`;
}

interface NodeWithContext {
  getAllContext?(defaults?: object): Record<string, unknown>;
  /** Where constructs before 10.3 (which have no `getAllContext`) keep a node's own context. */
  readonly _context?: Record<string, unknown>;
}

/** All context of the root, where the CLI puts `cdk.context.json` and `-c` values. */
function allContext(root: IConstruct): Record<string, unknown> {
  const node = root.node as unknown as NodeWithContext;
  if (typeof node.getAllContext === 'function') {
    return node.getAllContext() ?? {};
  }
  return typeof node._context === 'object' && node._context !== null ? node._context : {};
}
