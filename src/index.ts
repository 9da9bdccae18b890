export * from './aspect/layer-dependency-aspect';
export * from './aspect/layer-dependency-aspect-props';
export * from './findings/finding-level';
export * from './registry/layer-registry';
