// Entry point of the `cdk-layer-sync` command (bin/cdk-layer-sync.js loads the compiled form).
import { main } from './main';

process.exitCode = main(process.argv.slice(2));
