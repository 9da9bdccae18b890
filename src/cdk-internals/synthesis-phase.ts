import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { CdkInternal, recordChangedInternal } from './cdk-internal';

export const SYNTHESIS_PHASE_ORDER: CdkInternal = {
  name: 'the order of synthesis phases (aspects, then validation, then every template, then the root\'s custom synthesis)',
  checksOff: 'fingerprints written by the App\'s validation (layers attached late) and the versions and aliases in '
    + 'layer-dependencies.json',
};

/** A template as written to the cloud assembly, in the parts read here. */
export interface SynthesizedTemplate {
  readonly Resources?: Record<string, { readonly Type?: string; readonly Properties?: Record<string, unknown> }>;
}

/** What a rewrite put into a function: the property path and the texts it must contain. */
interface Expectation {
  readonly fn: CfnResource;
  readonly property: readonly string[];
  readonly texts: readonly string[];
}

const EXPECTED = new WeakMap<Stack, Map<CfnResource, Expectation>>();

/**
 * Note that `fn`'s template must hold every one of `texts` at `property` (a path such as `['Description']`), as the
 * rewrite just wrote them: `checkRewritesLanded` checks it against the template CDK writes.
 */
export function expectInTemplate(fn: CfnResource, property: readonly string[], texts: readonly string[]): void {
  const stack = Stack.of(fn);
  let byFunction = EXPECTED.get(stack);
  if (!byFunction) {
    byFunction = new Map();
    EXPECTED.set(stack, byFunction);
  }
  byFunction.set(fn, { fn, property, texts });
}

/**
 * The template CDK wrote for `stack`, read when the root's custom synthesis runs (after every template). Checked:
 * the file is there, and every fingerprint a rewrite wrote into a function of the stack is in it. Otherwise the
 * phases ran in another order: recorded for `UnsupportedCdkRelease`.
 *
 * @returns undefined when the template was not written
 * @throws Error naming the file when it is there but not a JSON template
 */
export function synthesizedTemplate(stack: Stack): SynthesizedTemplate | undefined {
  const file = path.join(Stage.of(stack)?.outdir ?? '', stack.templateFile);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cdk-layer-sync: cannot read the template ${file} CDK wrote for stack ${stack.node.path}: ${(error as Error).message}`);
    }
    recordChangedInternal(stack, SYNTHESIS_PHASE_ORDER, `the template ${file} was not written before the root's custom synthesis`);
    return undefined;
  }
  let template: SynthesizedTemplate;
  try {
    template = JSON.parse(text) as SynthesizedTemplate;
  } catch (error) {
    throw new Error(`cdk-layer-sync: the template ${file} of stack ${stack.node.path} is not JSON: ${(error as Error).message}`);
  }
  checkRewritesLanded(stack, template);
  return template;
}

function checkRewritesLanded(stack: Stack, template: SynthesizedTemplate): void {
  for (const { fn, property, texts } of EXPECTED.get(stack)?.values() ?? []) {
    const logicalId = stack.resolve(fn.logicalId) as string;
    let value: unknown = template.Resources?.[logicalId]?.Properties;
    for (const key of property) {
      value = (value as Record<string, unknown> | undefined)?.[key];
    }
    const missing = texts.filter(text => typeof value !== 'string' || !value.includes(text));
    if (missing.length > 0) {
      recordChangedInternal(fn, SYNTHESIS_PHASE_ORDER, `'${missing[0]}', written into ${property.join('.')} of `
        + `${fn.node.path}, is not in the template CDK wrote (unless something after every aspect and validation replaced it)`);
    }
  }
}
