// End to end in Go, as a Go team runs it: examples/go builds with the Go toolchain against aws-cdk-go from the Go
// proxy and the library's Go module (`npm run package` writes dist/go), and the real `cdk synth` runs it (`go run .`)
// twice, with a layer change between.
import * as path from 'path';
import { REPO_ROOT } from '../../scripts/cdk-cli';
import { describeLanguageExample } from '../helpers/language-example';

describeLanguageExample('examples/go: the real cdk synth of a Go app, twice with a layer change between', {
  target: 'go',
  directory: path.join(REPO_ROOT, 'examples', 'go'),
  artifact: path.join(REPO_ROOT, 'dist', 'go', 'cdklayersync', 'go.mod'),
  // jsii-runtime-go names only the Go release in JSII_AGENT (go1.26.8/linux/amd64): the library knows it is Go.
  acknowledgeLine: 'awscdk.Annotations_Of(scope).AcknowledgeWarning(jsii.String("cdk-layer-sync:UnhashedConsumer"), reason)',
});
