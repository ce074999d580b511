#!/usr/bin/env node
// npm stop: ends the process groups `npm start` recorded, and only those.
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const STATE = join(__dirname, '..', 'node_modules', '.cache', 'scorebook-dev.json');
if (!existsSync(STATE)) {
  console.log('[scorebook] nothing to stop (npm start is not running from this folder)');
  process.exit(0);
}
const { started } = JSON.parse(readFileSync(STATE, 'utf8'));
for (const p of started) {
  try {
    process.kill(-p.pid, 'SIGTERM');
    console.log(`[scorebook] stopped ${p.name} (process group ${p.pid})`);
  } catch {
    console.log(`[scorebook] ${p.name} (process group ${p.pid}) was not running`);
  }
}
rmSync(STATE);
