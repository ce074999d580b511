/**
 * Thai shaped right in the PDF, proven against an independent shaper: the same strings, the same font files, the
 * same size, drawn by pdfkit (fontkit's GSUB/GPOS) and rasterised by poppler, and drawn by Chromium (HarfBuzz,
 * Skia) on a canvas. Per string the ink boxes agree within 2 px and under 2 % of the ink has no ink of the other within a pixel; the same
 * check fails on the strings drawn one code point at a time (no mark positioning), so it can tell. pdftotext
 * gives every string back exactly. Page images in test-artifacts/documents/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { fontFiles, nodeReportFonts } from '../../src/documents/nodeFonts';
import { baselineOf, newPdf, PdfText } from '../../src/documents/pdfText';
import { launch } from '../e2e/browser';

const OUT = join(__dirname, '../../test-artifacts/documents');
const SIZE = 36;
const DPI = 96;
const SCALE = DPI / 72;
const X = 40;
const STEP = 64;
const TOP = 30;
const STRINGS = [
  'น้ำ',
  'ที่',
  'ลิ้น',
  'เยิ้ม',
  'ญี่ปุ่น',
  'ฐ ฎ',
  'ปฏิบัติ กฎหมาย ฎีกา',
  'ผู้ใหญ่ ปั้น กิ๊ฟ',
  'น้ำท่วมที่ลิ้นจี่ 2567 (OTOP) 85%',
  'Sarabun ทดสอบ ABC 123 ✓ ✗',
  'คำชี้แจงการปฏิบัติงาน ๑๒๓',
];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  ink: number;
}
interface Compared {
  text: string;
  pdf: Box;
  chromium: Box;
  diff: number;
}

let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
}, 60000);
afterAll(async () => browser?.close());

async function specimen(file: string, draw: (t: PdfText, text: string, y: number) => void): Promise<string> {
  const doc = newPdf();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  const t = new PdfText(doc, await nodeReportFonts());
  doc.addPage({ size: 'A4', margin: 0 });
  STRINGS.forEach((s, i) => draw(t, s, TOP + i * STEP));
  doc.end();
  await done;
  const pdf = join(OUT, `${file}.pdf`);
  writeFileSync(pdf, Buffer.concat(chunks));
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', pdf, join(OUT, file)]);
  return pdf;
}

/** Both renderings side by side in one browser page: ink boxes per band, and the pixels that differ. */
async function compare(pdfPng: string, name: string): Promise<Compared[]> {
  const page = await browser.newPage();
  const fonts = fontFiles(400).map((f) => ({ family: f.name, data: readFileSync(f.path).toString('base64') }));
  const png = readFileSync(pdfPng).toString('base64');
  const result = await page.evaluate(
    async ({ fonts, png, strings, size, scale, x, step, top, baselines }) => {
      for (const f of fonts) {
        const face = new FontFace(f.family, `url(data:font/woff;base64,${f.data})`);
        await face.load();
        (document.fonts as unknown as { add(f: FontFace): void }).add(face);
      }
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const w = img.width;
      const h = img.height;
      const pdf = Object.assign(document.createElement('canvas'), { width: w, height: h }).getContext('2d') as CanvasRenderingContext2D;
      pdf.drawImage(img, 0, 0);
      const chromeCanvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
      const chrome = chromeCanvas.getContext('2d') as CanvasRenderingContext2D;
      chrome.fillStyle = '#fff';
      chrome.fillRect(0, 0, w, h);
      chrome.fillStyle = '#000';
      chrome.font = `${size * scale}px ${fonts.map((f) => `"${f.family}"`).join(', ')}`;
      chrome.textBaseline = 'alphabetic';
      strings.forEach((s, i) => chrome.fillText(s, x * scale, (baselines[i] as number) * scale));
      const ink = (ctx: CanvasRenderingContext2D, y0: number, y1: number) => {
        const data = ctx.getImageData(0, y0, w, y1 - y0).data;
        const mask = new Uint8Array(w * (y1 - y0));
        const box = { left: w, top: y1, right: -1, bottom: -1, ink: 0 };
        for (let yy = 0; yy < y1 - y0; yy++) {
          for (let xx = 0; xx < w; xx++) {
            if ((data[(yy * w + xx) * 4] as number) < 128) {
              mask[yy * w + xx] = 1;
              box.ink++;
              box.left = Math.min(box.left, xx);
              box.right = Math.max(box.right, xx);
              box.top = Math.min(box.top, yy + y0);
              box.bottom = Math.max(box.bottom, yy + y0);
            }
          }
        }
        return { box, mask };
      };
      const out = strings.map((text, i) => {
        const y0 = Math.round((top + i * step) * scale);
        const y1 = Math.round((top + (i + 1) * step) * scale);
        const a = ink(pdf, y0, y1);
        const b = ink(chrome, y0, y1);
        // Ink of one rendering with no ink of the other within one pixel: anti-aliasing and sub-pixel placement
        // differ between poppler and Skia by a pixel, a misplaced mark by many.
        const rows = y1 - y0;
        const unmatched = (m: Uint8Array, other: Uint8Array): number => {
          let n = 0;
          for (let yy = 0; yy < rows; yy++) {
            for (let xx = 0; xx < w; xx++) {
              if (!m[yy * w + xx]) continue;
              let near = false;
              for (let dy = -1; dy <= 1 && !near; dy++) {
                for (let dx = -1; dx <= 1 && !near; dx++) {
                  const yy2 = yy + dy;
                  const xx2 = xx + dx;
                  if (yy2 >= 0 && yy2 < rows && xx2 >= 0 && xx2 < w && other[yy2 * w + xx2]) near = true;
                }
              }
              if (!near) n++;
            }
          }
          return n;
        };
        const differ = unmatched(a.mask, b.mask) + unmatched(b.mask, a.mask);
        return { text, pdf: a.box, chromium: b.box, diff: differ / Math.max(1, a.box.ink + b.box.ink) };
      });
      return { out, chromePng: chromeCanvas.toDataURL('image/png') };
    },
    {
      fonts,
      png,
      strings: STRINGS,
      size: SIZE,
      scale: SCALE,
      x: X,
      step: STEP,
      top: TOP,
      baselines: STRINGS.map((_, i) => baselineOf(TOP + i * STEP, SIZE)),
    },
  );
  writeFileSync(join(OUT, `${name}-chromium.png`), Buffer.from(result.chromePng.split(',')[1] as string, 'base64'));
  await page.close();
  return result.out;
}

const edges = (c: Compared): number =>
  Math.max(
    Math.abs(c.pdf.left - c.chromium.left),
    Math.abs(c.pdf.right - c.chromium.right),
    Math.abs(c.pdf.top - c.chromium.top),
    Math.abs(c.pdf.bottom - c.chromium.bottom),
  );

test('pdfkit + fontkit shape Thai as Chromium does: stacked marks, sara am, Thai with Latin, digits and symbols', async () => {
  const pdf = await specimen('shaping-pdf', (t, text, y) => t.line(text, X, y, 500, { size: SIZE }));
  const compared = await compare(join(OUT, 'shaping-pdf.png'), 'shaping');
  writeFileSync(join(OUT, 'shaping.json'), JSON.stringify(compared, null, 2));
  for (const c of compared) {
    expect({ text: c.text, edges: edges(c) <= 2 }).toEqual({ text: c.text, edges: true });
    expect({ text: c.text, diff: c.diff < 0.02 }).toEqual({ text: c.text, diff: true });
  }
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.trim() !== '');
  expect(text).toEqual(STRINGS);
}, 120000);

test('the comparison tells misplaced marks apart: the strings drawn one code point at a time fail it', async () => {
  // Each code point alone, at the pen position: no GPOS mark attachment, no mark-to-mark stacking.
  await specimen('unshaped-pdf', (t, text, y) => {
    let x = X;
    for (const ch of text) {
      t.line(ch, x, y, 500, { size: SIZE });
      x += t.width(ch, { size: SIZE });
    }
  });
  const compared = await compare(join(OUT, 'unshaped-pdf.png'), 'unshaped');
  writeFileSync(join(OUT, 'unshaped.json'), JSON.stringify(compared, null, 2));
  const marked = compared.filter((c) => ['น้ำ', 'ที่', 'ลิ้น', 'เยิ้ม', 'ญี่ปุ่น'].includes(c.text));
  for (const c of marked) expect({ text: c.text, caught: edges(c) > 2 || c.diff >= 0.02 }).toEqual({ text: c.text, caught: true });
}, 120000);
