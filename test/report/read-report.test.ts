import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { previousLayerAssets } from '../../src/report/read-report';
import { LayerAssetRecord } from '../../src/report/report-shape';

const record = (overrides: Partial<LayerAssetRecord> = {}): LayerAssetRecord => ({
  layer: 'Common/Layer', sourcePath: '/src/layer', assetHash: 'a'.repeat(64), fingerprint: 'f'.repeat(64), ...overrides,
});

describe('previousLayerAssets', () => {
  test('reads the records of the previous report, and nothing from a missing or broken one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-prev-'));
    expect(previousLayerAssets(dir).size).toBe(0);
    fs.writeFileSync(path.join(dir, 'layer-dependencies.json'), '{ "version": 1, "layerAssets": [');
    expect(previousLayerAssets(dir).size).toBe(0);
    fs.writeFileSync(path.join(dir, 'layer-dependencies.json'), JSON.stringify({ version: 1, layerAssets: [record(), { layer: 3 }] }));
    expect([...previousLayerAssets(dir).keys()]).toEqual(['Common/Layer']);
  });
});
