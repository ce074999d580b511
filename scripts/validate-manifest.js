#!/usr/bin/env node
// npm run validate [manifest]: Microsoft's validation service when it can be reached (office-addin-manifest
// validate needs the internet), and always our own offline checks: the manifest parses (office-addin-manifest's
// reader), the fields Office limits are within their limits, every resid points at a resource, every icon file
// exists in assets/, the Thai overrides are there, ExcelApi 1.8 is required, every URL is https.
// SCOREBOOK_OFFLINE=1 skips the service (tests).
const { readFileSync, existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { OfficeAddinManifest, validateManifest } = require('office-addin-manifest');

const file = resolve(process.argv[2] || 'manifest.xml');
const root = join(__dirname, '..');
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
};

async function main() {
  const info = await OfficeAddinManifest.readManifestFile(file);
  const xml = readFileSync(file, 'utf8');
  check(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id ?? ''), 'Id must be a GUID');
  check(/^\d+(\.\d+){0,3}$/.test(info.version ?? ''), 'Version must be n.n.n.n');
  check(info.officeAppType === 'TaskPaneApp' && (info.hosts ?? []).includes('Workbook'), 'a task pane add-in for Excel (Workbook)');
  check((info.displayName ?? '').length > 0 && info.displayName.length <= 125, 'DisplayName: 1–125 characters');
  check((info.description ?? '').length > 0 && info.description.length <= 250, 'Description: 1–250 characters');
  check(/<DisplayName[^>]*>\s*<Override Locale="th-TH"/.test(xml), 'DisplayName needs a th-TH override');
  check(/<Description[^>]*>\s*<Override Locale="th-TH"/.test(xml), 'Description needs a th-TH override');
  check(/<Set Name="ExcelApi" MinVersion="1.8"\s*\/>/.test(xml), 'Requirements must ask for ExcelApi 1.8');
  check(/<OfficeTab id="TabHome">/.test(xml) && /xsi:type="ShowTaskpane"/.test(xml), 'a button on the Home tab that shows the task pane');
  for (const m of xml.matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)) {
    const v = m[1];
    if (/^[a-z]+:\/\//i.test(v)) check(v.startsWith('https://'), `not https: ${v}`);
  }
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) check(defined.has(m[1]), `resid ${m[1]} is not defined in Resources`);
  for (const m of xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)"/g)) {
    const long = new RegExp(`<bt:LongStrings>[\\s\\S]*id="${m[1]}"[\\s\\S]*</bt:LongStrings>`).test(xml);
    check(m[2].length <= (long ? 250 : 125), `${m[1]} is longer than ${long ? 250 : 125} characters`);
  }
  for (const m of xml.matchAll(/\/assets\/([\w.-]+\.png)"/g))
    check(existsSync(join(root, 'assets', m[1])), `icon assets/${m[1]} is missing`);

  let online = 'not run (SCOREBOOK_OFFLINE set)';
  if (!process.env.SCOREBOOK_OFFLINE)
    try {
      const report = await validateManifest(file);
      online = report.isValid ? 'valid' : `invalid: ${JSON.stringify(report.details?.errors ?? report, null, 1)}`;
      check(report.isValid, `Microsoft's validation service: ${online}`);
    } catch (e) {
      online = `unreachable (${String(e.message ?? e).split('\n')[0]}); offline checks only`;
    }
  console.log(`manifest ${file}`);
  console.log(`  Microsoft validation service: ${online}`);
  if (problems.length > 0) {
    console.error(problems.map((p) => `  ✗ ${p}`).join('\n'));
    process.exit(1);
  }
  console.log('  offline checks: all passed');
}

main().catch((e) => {
  console.error(`manifest ${file} does not read: ${e.message ?? e}`);
  process.exit(1);
});
