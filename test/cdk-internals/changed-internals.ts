// Shared by the tests of src/cdk-internals: synthesize an app with the aspect and read what it reported.
import { App, Stack } from 'aws-cdk-lib';
import { messages } from '../helpers/apps';

/** Every UnsupportedCdkRelease error of the app's stacks, after synthesizing it. */
export function unsupportedReleaseErrors(app: App): string[] {
  app.synth();
  return app.node.findAll()
    .filter((c): c is Stack => Stack.isStack(c))
    .flatMap(stack => messages(stack, 'error'))
    .filter(m => m.startsWith('cdk-layer-sync:UnsupportedCdkRelease'));
}

/** Run `body` with one property of `target` replaced by `descriptor`, and put the original back after. */
export function withProperty<T>(target: object, key: PropertyKey, descriptor: PropertyDescriptor, body: () => T): T {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  try {
    return body();
  } finally {
    if (original) {
      Object.defineProperty(target, key, original);
    } else {
      delete (target as Record<PropertyKey, unknown>)[key];
    }
  }
}

/** Run `body` with one own property of `target` removed, and put it back after. */
export function withoutProperty<T>(target: object, key: PropertyKey, body: () => T): T {
  const original = Object.getOwnPropertyDescriptor(target, key);
  delete (target as Record<PropertyKey, unknown>)[key];
  try {
    return body();
  } finally {
    if (original) {
      Object.defineProperty(target, key, original);
    }
  }
}
