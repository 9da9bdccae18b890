// End to end in Java, as a Java team runs it: examples/java compiles with Maven against aws-cdk-lib from Maven
// Central and the library's Java artifact (`npm run package` writes dist/java; built here with jsii-pacmak when
// absent), and the real `cdk synth` runs it (`mvn compile exec:java`) twice, with a layer change between.
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../scripts/cdk-cli';
import { describeLanguageExample } from '../helpers/language-example';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')).version;

describeLanguageExample('examples/java: the real cdk synth of a Java app, twice with a layer change between', {
  target: 'java',
  directory: path.join(REPO_ROOT, 'examples', 'java'),
  artifact: path.join(REPO_ROOT, 'dist', 'java', 'io', 'github', 'cdk-layer-sync', 'cdk-layer-sync', VERSION, `cdk-layer-sync-${VERSION}.jar`),
  acknowledgeLine: 'Annotations.of(scope).acknowledgeWarning("cdk-layer-sync:UnhashedConsumer", reason)',
});
