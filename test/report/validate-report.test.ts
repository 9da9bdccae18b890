import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { REPORT_FILE } from '../../src/report/layer-dependency-report';
import { validateReport } from '../../src/report/validate-report';
import { platformApp } from '../helpers/reports';

/** A real report of a synthesized app (a producer, a followed consumer, an orphan), as JSON data to break. */
const { report, outdir } = platformApp('VALUE = 1\n');
const reportData = () => JSON.parse(JSON.stringify(report));

describe('validateReport', () => {
  test('accepts what a synthesis wrote', () => {
    const data = reportData();
    expect(data.consumers.length).toBeGreaterThan(0);
    expect(data.producers.length).toBeGreaterThan(0);
    expect(() => validateReport('r.json', data)).not.toThrow();
  });

  test.each<[string, (r: any) => unknown, RegExp]>([
    ['not an object', () => [], /expected an object, got \[\]/],
    ['another version', r => ({ ...r, version: 2 }), /version 2, but this release reads version 1; synthesize the app again/],
    ['no version', r => ({ ...r, version: undefined }), /version undefined, but this release reads version 1/],
    ['producers not a list', r => ({ ...r, producers: {} }), /"producers" must be a list, got \{\}/],
    ['a producer without parameterName', r => (r.producers[0].parameterName = undefined, r), /producers\[0\]: parameterName must be a non-empty string, got undefined/],
    ['a producer of an unknown origin', r => (r.producers[0].origin = 'elsewhere', r), /producers\[0\]: origin must be one of discovered, registry, got "elsewhere"/],
    ['a producer fingerprint that is a number', r => (r.producers[0].fingerprint = 5, r), /producers\[0\]: fingerprint must be a string, or absent, got 5/],
    ['consumers missing', r => ({ ...r, consumers: undefined }), /"consumers" must be a list, got undefined/],
    ['a consumer without layers', r => (delete r.consumers[0].layers, r), /consumers\[0\]: layers must be a list, got undefined/],
    ['a layer without status', r => (delete r.consumers[0].layers[0].status, r), /consumers\[0\]\.layers\[0\]: status must be one of tracked, stale, local, literal-arn, .*, got undefined/],
    ['a layer of an unknown status', r => (r.consumers[0].layers[0].status = 'teleported', r),
      /consumers\[0\]\.layers\[0\]: status must be one of tracked, stale, local, .*, got "teleported"/],
    ['a layer index that is text', r => (r.consumers[0].layers[0].index = '0', r), /consumers\[0\]\.layers\[0\]: index must be a whole number, got "0"/],
    ['versions that are not strings', r => (r.consumers[0].versions = [1], r), /consumers\[0\]: versions must be a list of strings, or absent/],
    ['a finding that is null', r => (r.findings.push(null), r), /findings\[\d+\]: expected an object, got null/],
    ['a finding id of no finding (the catalogue\'s)', r => (r.findings[0].id = 'cdk-layer-sync:Teleported', r),
      /findings\[0\]: id must be one of cdk-layer-sync:UnhashedConsumer, .*, got "cdk-layer-sync:Teleported"/],
    ['a finding of an unknown level', r => (r.findings[0].level = 'FATAL', r), /findings\[0\]: level must be one of ERROR, WARNING, INFO, OFF, got "FATAL"/],
    ['layer assets not a list', r => ({ ...r, layerAssets: 'x' }), /"layerAssets" must be a list, got "x"/],
  ])('refuses %s, naming the file, the record and the field', (_what, breakIt, message) => {
    expect(() => validateReport('/out/layer-dependencies.json', breakIt(reportData())))
      .toThrow(/^'\/out\/layer-dependencies\.json' is not a layer-dependencies report this cdk-layer-sync can read: /);
    expect(() => validateReport('/out/layer-dependencies.json', breakIt(reportData()))).toThrow(message);
  });
});

describe('the CLI on a malformed report', () => {
  test.each(['check', 'diff', 'graph'])('%s exits 2 with one line naming the file and the record, leaving the file as it was', command => {
    const broken = reportData();
    broken.producers[0].origin = 7;
    const file = path.join(outdir, REPORT_FILE);
    const original = fs.readFileSync(file, 'utf-8');
    fs.writeFileSync(file, JSON.stringify(broken));
    try {
      const errors: string[] = [];
      const args = command === 'diff' ? [command, outdir, outdir] : [command, outdir];
      expect(main(args, () => undefined, line => errors.push(line))).toBe(2);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`'${file}' is not a layer-dependencies report this cdk-layer-sync can read: producers[0]: origin must be`);
      expect(fs.readFileSync(file, 'utf-8')).toBe(JSON.stringify(broken));
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
