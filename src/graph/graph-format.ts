import { compareText } from '../io/compare-text';
import { GraphNode, LayerGraph } from './layer-graph';

function groups(graph: LayerGraph): Array<[string, GraphNode[]]> {
  const byGroup = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n]);
  }
  return [...byGroup.entries()].sort(([a], [b]) => compareText(a, b));
}

/** Text inside a quoted Mermaid label: quotes as entities, and line breaks (which end a statement) as `<br/>`. */
function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/\r\n|\r|\n/g, '<br/>');
}

/** Mermaid `flowchart LR`, as GitHub renders it in Markdown: followed layers solid, the others dotted. */
export function graphAsMermaid(graph: LayerGraph): string {
  const out = ['flowchart LR'];
  groups(graph).forEach(([group, members], i) => {
    out.push(`  subgraph g${i}["${mermaidText(group)}"]`);
    for (const n of members) {
      const text = mermaidText(n.label.join('<br/>'));
      out.push(n.kind === 'consumer' ? `    ${n.id}("${text}")` : n.kind === 'finding' ? `    ${n.id}>"${text}"]` : `    ${n.id}[["${text}"]]`);
    }
    out.push('  end');
  });
  for (const e of graph.edges) {
    out.push(`  ${e.from} ${e.followed ? '-->' : '-.->'}|"${mermaidText(e.label)}"| ${e.to}`);
  }
  return out.join('\n');
}

function dotText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n');
}

/** Graphviz DOT: a cluster per app, Stage or registry; layers not followed dashed and red. */
export function graphAsDot(graph: LayerGraph): string {
  const out = ['digraph layers {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];', '  edge [fontname="Helvetica"];'];
  groups(graph).forEach(([group, members], i) => {
    out.push(`  subgraph cluster_${i} {`, `    label="${dotText(group)}";`);
    for (const n of members) {
      const shape = n.kind === 'consumer' ? 'box, style=rounded' : n.kind === 'unknown' ? 'box, style=dashed'
        : n.kind === 'finding' ? 'note, color=red, fontcolor=red' : 'box3d';
      out.push(`    ${n.id} [label="${n.label.map(dotText).join('\\n')}", shape=${shape}];`);
    }
    out.push('  }');
  });
  for (const e of graph.edges) {
    const style = e.followed ? '' : ', style=dashed, color=red, fontcolor=red';
    out.push(`  ${e.from} -> ${e.to} [label="${dotText(e.label)}"${style}];`);
  }
  out.push('}');
  return out.join('\n');
}

/** The graph as JSON: `nodes` and `edges`. */
export function graphAsJson(graph: LayerGraph): string {
  return JSON.stringify(graph, undefined, 2);
}
