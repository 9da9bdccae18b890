import { CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { FindingLevel } from '../../src';
import { reportFinding } from '../../src/annotate/report-finding';
import { UNHASHED_CONSUMER } from '../../src/findings/unhashed-consumer';
import { messages, newApp } from '../helpers/apps';

describe('reportFinding', () => {
  test('the same message on the same construct is reported once', () => {
    const stack = new Stack(newApp(), 'S');
    new CfnWaitConditionHandle(stack, 'Placeholder');
    reportFinding(stack, UNHASHED_CONSUMER, FindingLevel.WARNING, 'same');
    reportFinding(stack, UNHASHED_CONSUMER, FindingLevel.WARNING, 'same');
    reportFinding(stack, UNHASHED_CONSUMER, FindingLevel.WARNING, 'other');
    expect(messages(stack, 'warning')).toEqual([
      'same [ack: cdk-layer-sync:UnhashedConsumer]', 'other [ack: cdk-layer-sync:UnhashedConsumer]',
    ]);
  });

  test('OFF reports nothing and says so', () => {
    const stack = new Stack(newApp(), 'S');
    expect(reportFinding(stack, UNHASHED_CONSUMER, FindingLevel.OFF, 'x')).toBe(false);
    expect(stack.node.metadata.filter(m => m.type !== 'aws:cdk:creationStack')).toEqual([]);
  });
});
