/** A Lambda layer version ARN split into its parts: `arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION`. */
export interface LayerVersionArn {
  /** The layer's ARN without the version: what every version of it shares. */
  readonly layerArn: string;
  readonly account: string;
  readonly region: string;
  readonly name: string;
  readonly version: number;
}

const LAYER_VERSION_ARN = /^(arn:[a-z-]+:lambda:([a-z0-9-]+):(\d{12}):layer:([A-Za-z0-9_-]+)):(\d+)$/;

/** The parts of a layer version ARN, or undefined when the text is not one. */
export function parseLayerVersionArn(arn: string): LayerVersionArn | undefined {
  const match = LAYER_VERSION_ARN.exec(arn);
  if (!match) {
    return undefined;
  }
  return { layerArn: match[1], region: match[2], account: match[3], name: match[4], version: Number(match[5]) };
}
