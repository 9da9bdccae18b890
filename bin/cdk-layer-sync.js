#!/usr/bin/env node
require('../lib/cli/cdk-layer-sync.js');
