#!/usr/bin/env node
// npm start: the reporting API in demo mode (when `scorebook serve` exists) and the add-in's dev server on
// https://localhost:3000, then how to sideload. There is no desktop Excel on Linux, so nothing is sideloaded
// automatically here (office-addin-debugging is not used: it needs keytar, which does not build everywhere).
// npm stop ends what this started (process groups recorded in node_modules/.cache/scorebook-dev.json).
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
// Under node_modules/.cache: ignored by git, and per checkout.
const STATE = join(root, 'node_modules', '.cache', 'scorebook-dev.json');
const started = [];

function run(name, command, args) {
  // Own process group, so `npm stop` (and Ctrl+C here) ends the command and everything it started.
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  started.push({ name, pid: child.pid });
  child.on('exit', (code) => console.log(`[scorebook] ${name} exited (${code ?? 'signal'})`));
  return child;
}

if (existsSync(join(root, 'src', 'cli', 'serveCommand.ts'))) {
  run('reporting API (demo)', 'npx', ['scorebook', 'serve', '--demo', '--port', '8787']);
} else {
  console.log('[scorebook] the reporting API (scorebook serve) is not in this checkout yet: starting the add-in only');
}
run('dev server', 'npx', ['webpack', 'serve', '--mode', 'development']);
mkdirSync(dirname(STATE), { recursive: true });
writeFileSync(STATE, JSON.stringify({ started }, null, 2));

const desktop = process.platform === 'win32' || process.platform === 'darwin';
console.log(`
[scorebook] starting …
  Task pane:        https://localhost:3000/taskpane.html   (inside Excel)
  Browser preview:  https://localhost:3000/preview.html    (any browser: a workbook in the page, the same pane)
  Reporting API:    http://127.0.0.1:8787                  (demo users, password "demo")
  Manifest:         https://localhost:3000/manifest.xml    (also ./manifest.xml)

  Sideload into Excel on the web: open a workbook at https://www.office.com, then Home > Add-ins > More Add-ins
  (or Insert > Add-ins) > My Add-ins > Upload My Add-in, and choose ./manifest.xml. The "Scorebook" button appears
  on the Home tab. Your browser must trust the https://localhost:3000 certificate first: open that address once.
${desktop ? '  Desktop Excel: `npx office-addin-debugging start manifest.xml desktop` sideloads it (install that tool separately).\n' : '  No desktop Excel on this system: use Excel on the web, or the browser preview.\n'}
  Stop with Ctrl+C or \`npm stop\`.
`);

const stop = () => {
  for (const p of started) {
    try {
      process.kill(-p.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
