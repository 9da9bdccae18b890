// The layout shows the architecture: data flows one way, from the folders that gather facts to those that act and
// report. No source files import each other in a circle of any length (type-only imports included), and no import
// runs back up the layers below, so that each file's job can be read, and tested, on its own.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

/**
 * The folders of src/, from the bottom up: a file may import its own folder and the folders before it, never one
 * after it. (facts: what is gathered; findings: one module per finding, its check over facts; analysis: gathers
 * facts and runs the checks; aspect, nag: the two doors at synthesis; report, diff, graph, audit, cli: after it.)
 */
const LAYERS = [
  'io', 'names', 'cdk-internals', 'fingerprint', 'cfn', 'dependencies', 'detect', 'pipelines', 'producers', 'registry',
  'facts', 'findings', 'rewrite', 'analysis', 'annotate', 'report', 'aspect', 'nag', 'diff', 'graph', 'audit', 'cli',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The source files `file` imports, relative imports only, as absolute paths without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf-8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)]
    .map(match => path.resolve(path.dirname(file), match[1]))
    .map(target => (fs.existsSync(`${target}.ts`) ? target : path.join(target, 'index')));
}

const graph = new Map(sourceFiles(SRC).map(file => [file.replace(/\.ts$/, ''), importsOf(file)]));
const relative = (file: string) => path.relative(SRC, file);
const folderOf = (file: string) => relative(file).split(path.sep)[0];

/** Every circle of imports (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowest.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, indices.get(next)!));
      }
    }
    if (lowest.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) {
        found.push(component.sort());
      }
    }
  };
  for (const node of edges.keys()) {
    if (!indices.has(node)) {
      visit(node);
    }
  }
  return found;
}

test('no source files import each other in a circle, of any length', () => {
  expect(circles(graph).map(c => c.map(relative).join(' -> '))).toEqual([]);
});

test('the circle finder finds a circle of three files (the kind a test of pairs missed)', () => {
  const three = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  expect(circles(three)).toEqual([['a', 'b', 'c']]);
});

test('every folder of src/ has its place in the layers', () => {
  const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name).sort();
  expect(folders).toEqual([...LAYERS].sort());
});

test('no import runs back up the layers: each folder imports only itself and the folders below it', () => {
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!LAYERS.includes(from)) {
      continue; // src/index.ts re-exports from above every folder
    }
    for (const target of targets) {
      if (LAYERS.indexOf(folderOf(target)) > LAYERS.indexOf(from)) {
        upward.push(`${relative(file)} imports ${relative(target)}`);
      }
    }
  }
  expect(upward).toEqual([]);
});

test('src/index.ts only re-exports', () => {
  const lines = fs.readFileSync(path.join(SRC, 'index.ts'), 'utf-8').split('\n').filter(line => line.trim() !== '');
  expect(lines.filter(line => !/^export \* from '\.\/[\w/-]+';$/.test(line))).toEqual([]);
});
