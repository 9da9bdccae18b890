import { spawnSync } from 'child_process';
import { graphAsDot, graphAsJson, graphAsMermaid } from '../../src/graph/graph-format';
import { buildGraph } from '../../src/graph/layer-graph';
import { platformApp } from '../helpers/reports';

const graph = buildGraph([{ name: 'platform', report: platformApp('VALUE = 1\n').report }]);
const graphviz = spawnSync('dot', ['-V'], { encoding: 'utf-8' }).status === 0;

describe('graph formats', () => {
  test('mermaid: a flowchart with a subgraph per group, solid edges for followed layers, dotted for the others', () => {
    const text = graphAsMermaid(graph);
    expect(text.split('\n')[0]).toBe('flowchart LR');
    expect(text).toContain('subgraph g0["platform"]');
    expect(text).toContain('subgraph g1["unknown producers"]');
    expect(text.match(/ -->\|/g)).toHaveLength(2);
    expect(text).toMatch(/ -\.->\|"UnhashedConsumer"\| /);
  });

  test('dot: a digraph with a cluster per group and dashed edges for layers not followed', () => {
    const text = graphAsDot(graph);
    expect(text).toMatch(/^digraph layers \{/);
    expect(text).toContain('subgraph cluster_0 {');
    expect(text).toMatch(/ -> n\d+ \[label="UnhashedConsumer", style=dashed/);
  });

  (graphviz ? test : test.skip)('dot renders with Graphviz', () => {
    const rendered = spawnSync('dot', ['-Tsvg'], { input: graphAsDot(graph), encoding: 'utf-8' });
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toContain('<svg');
    expect(rendered.stdout).toContain('Orders/Consumer');
  });

  test('json: nodes and edges', () => {
    expect(Object.keys(JSON.parse(graphAsJson(graph)))).toEqual(['nodes', 'edges']);
  });

  test('a line break in a name (a report path, a construct id) stays inside its label in Mermaid and DOT', () => {
    const broken = {
      ...graph,
      nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, label: ['first\nsecond', ...n.label.slice(1)] } : n)),
      edges: graph.edges.map((e, i) => (i === 0 ? { ...e, label: 'a\r\nb' } : e)),
    };
    const mermaid = graphAsMermaid(broken);
    expect(mermaid.split('\n').filter(line => /^(first|second|a$|b$)/.test(line.trim()))).toEqual([]);
    expect(mermaid).toContain('first<br/>second');
    expect(mermaid).toContain('|"a<br/>b"|');
    expect(graphAsDot(broken)).toContain('first\\nsecond');
  });
});
