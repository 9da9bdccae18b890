import { AuditedFunction, CurrentLayerVersion } from '../../src/audit/audit-model';
import { auditRows, auditSummary } from '../../src/audit/audit-rows';

const ARN = (account: string, name: string, version: number) => `arn:aws:lambda:us-east-1:${account}:layer:${name}:${version}`;
const MINE = '123456789012';
const current = new Map<string, CurrentLayerVersion>([
  [`arn:aws:lambda:us-east-1:${MINE}:layer:tools`, { layerArn: `arn:aws:lambda:us-east-1:${MINE}:layer:tools`, version: 4, from: 'parameter /p' }],
]);

describe('auditRows', () => {
  test('GIVEN $LATEST current and an alias two versions behind WHEN compared THEN one row each, the alias stale by 2', () => {
    const fn: AuditedFunction = {
      name: 'orders', latestLayers: [ARN(MINE, 'tools', 4)],
      aliases: [{ name: 'Live', versions: [{ version: '3', weight: 1, layers: [ARN(MINE, 'tools', 2)] }] }],
    };
    const rows = auditRows([fn], current);
    expect(rows.map(r => [r.qualifier, r.version, r.weight, r.runsVersion, r.currentVersion, r.behind, r.status, r.note])).toEqual([
      ['$LATEST', undefined, undefined, 4, 4, 0, 'current', 'parameter /p'],
      ['Live', '3', undefined, 2, 4, 2, 'stale', 'parameter /p'],
    ]);
    expect(auditSummary(rows)).toBe('1 current, 1 stale');
  });

  test('a weighted alias gives a row per version with its share', () => {
    const fn: AuditedFunction = {
      name: 'orders', latestLayers: [],
      aliases: [{ name: 'Canary', versions: [
        { version: '5', weight: 0.75, layers: [ARN(MINE, 'tools', 4)] },
        { version: '4', weight: 0.25, layers: [ARN(MINE, 'tools', 3)] },
      ] }],
    };
    expect(auditRows([fn], current).map(r => `${r.version}@${r.weight}:${r.status}`)).toEqual(['5@0.75:current', '4@0.25:stale']);
  });

  test('a layer of another account (an AWS-managed layer) is unknown, never current, and says how to compare it', () => {
    const fn: AuditedFunction = { name: 'insights', latestLayers: [ARN('580247275435', 'LambdaInsightsExtension', 38)], aliases: [] };
    const [row] = auditRows([fn], current);
    expect(row.status).toBe('unknown');
    expect(row.layer).toBe('LambdaInsightsExtension');
    expect(row.runsVersion).toBe(38);
    expect(row.note).toContain('is not this account\'s layer, or has no version left; name the parameter that holds it (--parameter)');
    expect(auditSummary([row])).toBe('0 current, 0 stale, 1 unknown');
  });

  test('a version newer than the current one is not behind', () => {
    const fn: AuditedFunction = { name: 'early', latestLayers: [ARN(MINE, 'tools', 6)], aliases: [] };
    expect(auditRows([fn], current)[0]).toMatchObject({ status: 'current', behind: 0, runsVersion: 6, currentVersion: 4 });
  });

  test('a Layers entry that is not a layer version ARN is unknown', () => {
    const fn: AuditedFunction = { name: 'odd', latestLayers: ['not-an-arn'], aliases: [] };
    expect(auditRows([fn], current)[0]).toMatchObject({ status: 'unknown', note: 'not a layer version ARN' });
  });
});
