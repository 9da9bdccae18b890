// The layout shows the architecture: no two source files import each other (type-only imports included), so that
// each file's job can be read, and tested, on its own.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

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

test('no two files of src/ import each other', () => {
  const graph = new Map(sourceFiles(SRC).map(file => [file.replace(/\.ts$/, ''), new Set(importsOf(file))]));
  const pairs: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (file < target && graph.get(target)?.has(file)) {
        pairs.push(`${path.relative(SRC, file)} <-> ${path.relative(SRC, target)}`);
      }
    }
  }
  expect(pairs).toEqual([]);
});
