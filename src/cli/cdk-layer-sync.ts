// Entry point of the `cdk-layer-sync` command (bin/cdk-layer-sync.js loads the compiled form).
import { main } from './main';

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
