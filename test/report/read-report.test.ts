import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { previousLayerAssets } from '../../src/report/read-report';
import { LayerAssetRecord } from '../../src/report/report-shape';

const record = (overrides: Partial<LayerAssetRecord> = {}): LayerAssetRecord => ({
  layer: 'Common/Layer', sourcePath: '/src/layer', assetHash: 'a'.repeat(64), fingerprint: 'f'.repeat(64), ...overrides,
});

describe('previousLayerAssets', () => {
  test('reads the records of the previous report; none on a first synthesis, with no error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-prev-'));
    expect(previousLayerAssets(dir)).toEqual({ records: new Map() });
    fs.writeFileSync(path.join(dir, 'layer-dependencies.json'), JSON.stringify({ version: 1, layerAssets: [record(), { layer: 3 }] }));
    expect([...previousLayerAssets(dir).records.keys()]).toEqual(['Common/Layer']);
  });

  test('a broken report is said, naming the file, never silently taken for a first synthesis', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-prev-'));
    const file = path.join(dir, 'layer-dependencies.json');
    fs.writeFileSync(file, '{ "version": 1, "layerAssets": [');
    const read = previousLayerAssets(dir);
    expect(read.records.size).toBe(0);
    expect(read.unreadable).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')} cannot be read: `));
    fs.rmSync(file);
    fs.mkdirSync(file);
    expect(previousLayerAssets(dir).unreadable).toBe(`${file} cannot be read: it is not a regular file`);
  });
});
