/** The CLI on the files people really send: large amounts in บาท, ids in Thai digits, UTF-16 and broken JSON. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliHarness } from './cliHarness';

jest.setTimeout(60_000);

const { dir, file, run } = cliHarness('scorebook-words-cli-');

const assessment = {
  format: 'scorebook/assessment@1',
  id: 'baht',
  title: 'รายได้',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [
    { id: '๑', name: 'รายได้จากการท่องเที่ยว', unit: 'บาท', weight: 50, targets: [7_000_000_000, 7_350_000_000, 7_700_000_000] },
    { id: '2', name: 'ส่งแผน', weight: 50, kind: 'binary' },
  ],
};

test('score shows 7,512,400,000 บาท as it is, and reads the words ส่งแล้ว and the Thai-digit id', async () => {
  const a = file('a.json', assessment);
  const r = file('r.json', { format: 'scorebook/results@1', assessment: 'baht', results: { '1': 7_512_400_000, '๒': 'ส่ง แล้ว' } });
  const out = await run('score', a, r);
  expect(out.code).toBe(0);
  expect(out.stdout).toContain('7,512,400,000.00');
  expect(out.stdout).not.toContain('7,512,400,007');
  const json = JSON.parse((await run('score', a, r, '--json')).stdout);
  expect(json.indicators.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
    ['๑', 'scored'],
    ['2', 'scored'],
  ]);
});

test('what-if asks for 7,350,000,000.00 where the target is 7,350,000,000 (not 7,350,000,007.35)', async () => {
  const a = file('a.json', assessment);
  const r = file('r.json', { format: 'scorebook/results@1', assessment: 'baht', results: { '1': 7_000_000_000, '2': 1 } });
  const out = await run('--lang', 'en', 'what-if', a, r, '--indicator', '1', '--score', '75');
  expect(out.code).toBe(0);
  expect(out.stdout).toContain('Result needed: 7,350,000,000.00 บาท');
});

test('a UTF-16 file says to save it as UTF-8; a UTF-8 file with a BOM reads', async () => {
  const utf16 = join(dir, 'utf16.json');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(assessment), 'utf16le')]));
  const r = file('r.json', { format: 'scorebook/results@1', assessment: 'baht', results: {} });
  const bad = await run('--lang', 'en', 'score', utf16, r);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('UTF-16');
  expect(bad.stderr).toContain('save it again as UTF-8');
  const bom = join(dir, 'bom.json');
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(assessment), 'utf8')]));
  expect((await run('score', bom, r)).code).toBe(0);
});

test('a syntax error names line and column; an unknown field and a key written twice are warnings', async () => {
  const broken = file('broken.json', '{\n  "format": "scorebook/assessment@1",\n  "id": "baht"\n  "title": "x"\n}');
  const r = file('r.json', { format: 'scorebook/results@1', assessment: 'baht', results: {} });
  const bad = await run('--lang', 'en', 'score', broken, r);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('line 4, column 3');
  const text = JSON.stringify({ ...assessment, policies: { notreported: 'exclude' } }).replace('"weight":50,', '"weight":50,"weight":50,');
  const warned = await run('--lang', 'en', 'score', file('warned.json', text), r, '--json');
  const all = JSON.stringify(JSON.parse(warned.stdout));
  expect(all).toContain('did you mean \\"notReported\\"');
  expect(all).toContain('indicators[0].weight: the field \\"weight\\" is written twice');
});
