export * from './aspect/layer-dependency-aspect';
export * from './aspect/layer-dependency-aspect-props';
export * from './findings/finding-level';
export * from './registry/layer-registry';
export * from './registry/layer-registry-entry';
export * from './fingerprint/directory-fingerprint-options';
export * from './fingerprint/layer-fingerprint';
