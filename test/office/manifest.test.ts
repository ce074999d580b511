/**
 * The manifest passes our offline checks (npm run validate), and the checks do catch a broken one: an undefined
 * resource id, a requirement below ExcelApi 1.8, a missing Thai override.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const validate = (file: string): { status: number | null; out: string } => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate-manifest.js'), file], {
    cwd: ROOT,
    env: { ...process.env, SCOREBOOK_OFFLINE: '1' },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('manifest.xml', () => {
  it('passes the offline checks', () => {
    const r = validate(join(ROOT, 'manifest.xml'));
    expect(r.out).toMatch(/offline checks: all passed/);
    expect(r.status).toBe(0);
  });

  it('fails on an undefined resid, an older requirement set and a missing th-TH override', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const broken = readFileSync(join(ROOT, 'manifest.xml'), 'utf8')
      .replace('resid="Button.Tooltip"', 'resid="Button.Tooltp"')
      .replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>')
      .replace(/(<DisplayName[^>]*>)\s*<Override Locale="th-TH"[^>]*\/>/, '$1');
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, broken);
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/resid Button.Tooltp is not defined/);
    expect(r.out).toMatch(/ExcelApi 1.8/);
    expect(r.out).toMatch(/DisplayName needs a th-TH override/);
  });
});
