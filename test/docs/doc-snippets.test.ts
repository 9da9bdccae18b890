// The TypeScript examples of the README and of docs/ compile, each inside the rosetta fixture it names (as
// jsii-rosetta compiles the README for the API docs and the Python translation; docs/ is not in the jsii assembly,
// so this test is what keeps its examples from going stale).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const FILES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)];

interface Snippet { readonly file: string; readonly line: number; readonly source: string }

function snippets(): Snippet[] {
  const found: Snippet[] = [];
  for (const file of FILES) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf-8');
    for (const match of text.matchAll(/^```ts( [^\n]*)?\n([\s\S]*?)^```$/gm)) {
      const info = match[1] ?? '';
      const code = match[2];
      const fixture = /nofixture/.test(info) ? '/// here' : fs.readFileSync(
        path.join(ROOT, 'rosetta', `${/fixture=(\S+)/.exec(info)?.[1] ?? 'default'}.ts-fixture`), 'utf-8');
      found.push({ file, line: text.slice(0, match.index).split('\n').length, source: fixture.replace('/// here', code) });
    }
  }
  return found;
}

test('every TypeScript example of the README and docs/ compiles in its fixture', () => {
  const all = snippets();
  expect(all.length).toBeGreaterThan(8);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-snippets-'));
  const files = all.map((s, i) => {
    const file = path.join(dir, `snippet${i}.ts`);
    fs.writeFileSync(file, `export {};\n${s.source}`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true,
    skipLibCheck: true, baseUrl: ROOT, typeRoots: [path.join(ROOT, 'node_modules', '@types')], types: ['node'],
    paths: { 'cdk-layer-sync': ['src/index.ts'], '*': ['node_modules/*'] },
  });
  const errors = ts.getPreEmitDiagnostics(program).filter(d => d.file && files.includes(path.normalize(d.file.fileName))).map(d => {
    const index = files.indexOf(path.normalize(d.file!.fileName));
    return `${all[index].file}:${all[index].line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(errors).toEqual([]);
});
