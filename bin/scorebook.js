#!/usr/bin/env node
// The `scorebook` command runs the TypeScript sources through tsx, so `npm install` is all it needs:
// no build step stands between a fix in src/ and the command a user runs.
require('tsx/cjs');
require('../src/cli/main.ts');
