import { CrossStackReferences, ReferenceStrength, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { resolveWithReferences } from '../../src/detect/capture-references';
import { DEFAULT_CROSS_STACK_REFERENCES, isWeakReference } from '../../src/detect/cross-stack-reference';
import { layerSource, newApp } from '../helpers/apps';
import { HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';

function setup(options: { context?: Record<string, string>; produce?: ReferenceStrength; producerAccount?: string; consumerAccount?: string } = {}) {
  const app = newApp({ context: options.context });
  const producer = new Stack(app, 'P', { env: options.producerAccount ? { account: options.producerAccount, region: 'eu-west-1' } : undefined });
  const consumer = new Stack(app, 'C', { env: options.consumerAccount ? { account: options.consumerAccount, region: 'eu-west-1' } : undefined });
  const layer = new lambda.LayerVersion(producer, 'Layer', { code: lambda.Code.fromAsset(layerSource()) });
  if (options.produce) {
    CrossStackReferences.of(layer).produce(options.produce);
  }
  const captured = resolveWithReferences(consumer, layer.layerVersionArn).references[0];
  return isWeakReference(captured, consumer, producer);
}

describe('isWeakReference mirrors CDK\'s choice of strength', () => {
  test('strong by default', () => expect(setup()).toBe(false));
  testWhen(HAS_WEAK_REFERENCES)('weak when the producer resource asks for it', () => expect(setup({ produce: ReferenceStrength.WEAK })).toBe(true));
  testWhen(HAS_WEAK_REFERENCES)('"both" gives the consumer the weak form', () => expect(setup({ produce: ReferenceStrength.BOTH })).toBe(true));
  test('the consumer context default', () => expect(setup({ context: { [DEFAULT_CROSS_STACK_REFERENCES]: 'weak' } })).toBe(true));
  testWhen(HAS_WEAK_REFERENCES)('the resource wins over the context', () => {
    expect(setup({ context: { [DEFAULT_CROSS_STACK_REFERENCES]: 'weak' }, produce: ReferenceStrength.STRONG })).toBe(false);
  });
  test('cross-account references are always weak', () => {
    expect(setup({ producerAccount: '111111111111', consumerAccount: '222222222222' })).toBe(true);
  });
});
