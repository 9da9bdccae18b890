import { FindingLevel } from '../../src/findings/finding-level';
import { diffAsJson, diffAsMarkdown, diffAsTable } from '../../src/diff/diff-format';
import { diffReports, MovedConsumer } from '../../src/diff/layer-diff';
import { HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';
import { platformApp, weakReferenceApp } from '../helpers/reports';

describe('diff formats carry the same facts', () => {
  const diff = diffReports([platformApp('VALUE = 1\n').report], [platformApp('VALUE = 2\n').report]);
  const facts = [
    diff.changedLayers[0].before!, diff.changedLayers[0].after!, 'Layers/Layer',
    ...diff.moved.flatMap(m => [m.function, ...m.versions]), ...diff.notFollowing.map(n => n.function), 'cdk-layer-sync:CachedLayerLookup',
  ];

  test.each([
    ['table', diffAsTable(diff)],
    ['markdown', diffAsMarkdown(diff)],
    ['json', diffAsJson(diff)],
  ])('%s names every changed layer, moved consumer, version and consumer that will not follow', (_format, text) => {
    for (const fact of facts) {
      expect(text).toContain(fact);
    }
  });

  test('json has exactly the keys changedLayers, moved, notFollowing, findings', () => {
    expect(Object.keys(JSON.parse(diffAsJson(diff)))).toEqual(['changedLayers', 'moved', 'notFollowing', 'findings']);
  });

  test('markdown is a pull-request comment: a heading, a summary line and one table per section', () => {
    const text = diffAsMarkdown(diff);
    expect(text.split('\n')[0]).toBe('### Layer impact');
    expect(text).toContain('1 layer(s) changed, 2 function(s) move with them, 2 will not follow.');
    expect(text.match(/^\| --- \|/gm)).toHaveLength(3);
  });

  test('with nothing changed, each format says so', () => {
    const none = { changedLayers: [], moved: [], notFollowing: [], findings: [] };
    expect(diffAsTable(none)).toBe('no layer changed');
    expect(diffAsMarkdown(none)).toContain('No layer changed.');
  });

  test('a finding of the app is shown by every format, with or without a layer change, acknowledged ones marked', () => {
    const uncovered = {
      id: 'cdk-layer-sync:StageNotCovered', level: FindingLevel.WARNING, path: 'Prod', message: 'Stage Prod was synthesized without LayerDependencyAspect.',
    };
    const acknowledged = { ...uncovered, path: 'Dev', acknowledged: true };
    const findings = [uncovered, acknowledged];
    for (const shown of [{ changedLayers: [], moved: [], notFollowing: [], findings }, { ...diff, findings }]) {
      expect(diffAsTable(shown)).toContain('Findings of the app: 2\n  [WARNING] cdk-layer-sync:StageNotCovered at Prod: Stage Prod was synthesized');
      expect(diffAsTable(shown)).toContain('[WARNING, acknowledged] cdk-layer-sync:StageNotCovered at Dev');
      expect(diffAsMarkdown(shown)).toContain('#### Findings of the app\n\n- [WARNING] cdk-layer-sync:StageNotCovered at Prod');
      expect(JSON.parse(diffAsJson(shown)).findings).toEqual([uncovered, acknowledged]);
    }
  });
});

testWhen(HAS_WEAK_REFERENCES)('a layer reached by weak references has no parameter or environment: the table says so and names its producer', () => {
  const before = weakReferenceApp('VALUE = 1\n');
  const after = weakReferenceApp('VALUE = 2\n');
  const row = diffAsTable(diffReports([before.report], [after.report])).split('\n').find(line => line.includes('(weak reference)'));
  expect(row?.trim().split(/\s{2,}/)).toEqual(['changed', '(weak reference)', '-', 'Layers/Layer', `${before.layerFingerprint} -> ${after.layerFingerprint}`]);
});

test('a moved function without versions says it has only $LATEST, not that a version is published', () => {
  const moved: MovedConsumer = { stack: 'S', function: 'S/Fn', layer: '/p', before: 'aaaaaaaaaaaa', after: 'bbbbbbbbbbbb', versions: [], aliases: [] };
  const table = diffAsTable({ changedLayers: [], moved: [moved], notFollowing: [], findings: [] });
  expect(table).toContain('a function with versions gets a new one, and its aliases follow');
  expect(table).toMatch(/S\/Fn .*\(no versions: \$LATEST only\)/);
});

describe('the command line page (docs/cli.md) shows the markdown as diffAsMarkdown writes it', () => {
  test('its example starts with the same heading and section titles', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const readme: string = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf-8');
    const diff = diffReports([platformApp('VALUE = 1\n').report], [platformApp('VALUE = 2\n').report]);
    const headings = diffAsMarkdown(diff).split('\n').filter(line => line.startsWith('#'));
    expect(headings[0]).toBe('### Layer impact');
    for (const heading of headings) {
      expect(readme).toContain(`> ${heading}`);
    }
  });
});
