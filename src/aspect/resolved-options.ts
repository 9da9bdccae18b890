import { FindingDefinition } from '../findings/finding';
import { FINDINGS } from '../findings/catalog';
import { FindingLevel } from '../findings/finding-level';
import { DEFAULT_ENVIRONMENT_VARIABLE_NAME, validateEnvironmentVariableName } from '../rewrite/environment-variable';
import { nearest } from '../names/nearest-name';
import { LayerRegistry } from '../registry/layer-registry';
import { FingerprintTarget, LayerDependencyAspectProps } from './layer-dependency-aspect-props';

/** The aspect's props, validated, with defaults applied. */
export interface ResolvedOptions {
  readonly registry?: LayerRegistry;
  readonly target: FingerprintTarget;
  readonly environmentVariableName: string;
  readonly addDependencies: boolean;
  readonly registryOutput?: string;
  /** The level at which a finding is reported. */
  levelOf(definition: FindingDefinition): FindingLevel;
}

/** Prop names that set a finding's level, by finding id: from the catalogue. */
const LEVEL_PROPS: Record<string, keyof LayerDependencyAspectProps> = Object.fromEntries(FINDINGS
  .filter(f => f.levelProp !== undefined)
  .map(f => [f.id, f.levelProp as keyof LayerDependencyAspectProps]));

/** The props that are not finding levels. */
const KNOWN_PROPS: readonly string[] = ['registry', 'target', 'environmentVariableName', 'findingLevels', 'addDependencies', 'registryOutput'];

/** Validate props and apply defaults. Throws an error naming the prop and the value received. */
export function resolveOptions(props: LayerDependencyAspectProps): ResolvedOptions {
  if (props === null || typeof props !== 'object') {
    throw new Error(`LayerDependencyAspect: expected props to be an object, got ${JSON.stringify(props)}`);
  }
  // From JavaScript a misspelt prop would be ignored in silence: name it, and the prop it was probably meant to be.
  const known = [...KNOWN_PROPS, ...new Set(Object.values(LEVEL_PROPS))];
  for (const [prop, value] of Object.entries(props)) {
    if (value !== undefined && !known.includes(prop)) {
      const guess = nearest(prop, known);
      throw new Error(`LayerDependencyAspectProps: unknown prop '${prop}'${guess ? `; did you mean '${guess}'?` : ''} `
        + `(the props are ${known.join(', ')})`);
    }
  }
  const target = props.target ?? FingerprintTarget.DESCRIPTION;
  checkEnum('target', target, Object.values(FingerprintTarget));
  const environmentVariableName = props.environmentVariableName ?? DEFAULT_ENVIRONMENT_VARIABLE_NAME;
  validateEnvironmentVariableName(environmentVariableName);
  if (props.environmentVariableName !== undefined && target !== FingerprintTarget.ENVIRONMENT) {
    throw new Error('LayerDependencyAspectProps.environmentVariableName is set but target is '
      + `${target}: set target to FingerprintTarget.ENVIRONMENT, or remove environmentVariableName`);
  }
  for (const prop of new Set(Object.values(LEVEL_PROPS))) {
    if (props[prop] !== undefined) {
      checkEnum(prop, props[prop], Object.values(FindingLevel));
    }
  }
  const levels = findingLevelsOf(props);
  if (props.registry !== undefined && !(props.registry instanceof LayerRegistry)) {
    throw new Error(`LayerDependencyAspectProps.registry: expected a LayerRegistry, got ${JSON.stringify(props.registry)}`);
  }
  if (props.addDependencies !== undefined && typeof props.addDependencies !== 'boolean') {
    throw new Error(`LayerDependencyAspectProps.addDependencies: expected true or false, got ${JSON.stringify(props.addDependencies)}`);
  }
  if (props.registryOutput !== undefined && (typeof props.registryOutput !== 'string' || props.registryOutput.trim() === '')) {
    throw new Error(`LayerDependencyAspectProps.registryOutput: expected a file path, got ${JSON.stringify(props.registryOutput)}`);
  }
  return {
    registry: props.registry,
    registryOutput: props.registryOutput,
    target,
    environmentVariableName,
    addDependencies: props.addDependencies ?? true,
    levelOf: (definition: FindingDefinition) => {
      const prop = LEVEL_PROPS[definition.id];
      return levels.get(definition.id) ?? (prop ? props[prop] as FindingLevel | undefined : undefined) ?? definition.defaultLevel;
    },
  };
}

/**
 * `findingLevels`, by full finding id: each key a finding of the catalogue (with or without `cdk-layer-sync:`), each
 * value a level, and no finding set here and by its older level prop to another level.
 */
function findingLevelsOf(props: LayerDependencyAspectProps): Map<string, FindingLevel> {
  const levels = new Map<string, FindingLevel>();
  const given = props.findingLevels;
  if (given === undefined) {
    return levels;
  }
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new Error(`LayerDependencyAspectProps.findingLevels: expected a map from finding id to FindingLevel, got ${JSON.stringify(given)}`);
  }
  const ids = FINDINGS.map(f => f.id);
  for (const [key, level] of Object.entries(given)) {
    const id = ids.includes(key) ? key : ids.find(known => known === `cdk-layer-sync:${key}`);
    if (id === undefined) {
      const guess = nearest(key, [...ids, ...ids.map(known => known.slice(known.indexOf(':') + 1))]);
      throw new Error(`LayerDependencyAspectProps.findingLevels: '${key}' is not a finding id${guess ? `; did you mean '${guess}'?` : ''} `
        + `(the findings are ${ids.join(', ')})`);
    }
    checkEnum(`findingLevels['${key}']`, level, Object.values(FindingLevel));
    if (levels.has(id)) {
      throw new Error(`LayerDependencyAspectProps.findingLevels: ${id} is set twice ('${key}' and its other spelling); set it once`);
    }
    const prop = LEVEL_PROPS[id];
    const older = prop === undefined ? undefined : props[prop];
    if (older !== undefined && older !== level) {
      throw new Error(`LayerDependencyAspectProps: ${id} is set to ${level} by findingLevels and to ${older as string} by ${prop}; `
        + `set it in findingLevels only (${prop} is deprecated)`);
    }
    levels.set(id, level);
  }
  return levels;
}

function checkEnum(prop: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new Error(`LayerDependencyAspectProps.${prop}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}
