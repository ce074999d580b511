/**
 * The font files the PDF embeds: Sarabun (OFL, the open version of the cabinet's TH Sarabun design) from
 * `@fontsource/sarabun`, which ships it split by script (thai, latin, latin-ext) as WOFF files (decoded here to TrueType,
 * which pdfkit shapes through fontkit and subsets); and Noto Sans Symbols 2 (OFL) for ✓ ✗, which Sarabun does not draw.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export type Weight = 400 | 700;

export interface FontFile {
  /** The name the PDF writer registers it under. */
  readonly name: string;
  readonly path: string;
}

function filesOf(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
}

/** The faces in fallback order for one weight: Thai first (its marks), then Latin, Latin-extended, symbols. */
export function fontFiles(weight: Weight): FontFile[] {
  const sarabun = filesOf('@fontsource/sarabun');
  const symbols = filesOf('@fontsource/noto-sans-symbols-2');
  return [
    ...['thai', 'latin', 'latin-ext'].map((subset) => ({
      name: `sarabun-${subset}-${weight}`,
      path: join(sarabun, `sarabun-${subset}-${weight}-normal.woff`),
    })),
    // The symbol font has one weight; bold text still gets its ✓ ✗.
    { name: `symbols-${weight}`, path: join(symbols, 'noto-sans-symbols-2-symbols-400-normal.woff') },
  ];
}

const decoded = new Map<string, Buffer>();

/**
 * The font as TrueType bytes, decoded from WOFF once per process: fontkit inflates a WOFF's tables in plain
 * JavaScript each time it reads one, which made most of a report's rendering time; node's zlib does it once.
 */
export function fontBytes(file: FontFile): Buffer {
  let bytes = decoded.get(file.path);
  if (bytes === undefined) {
    bytes = woffToSfnt(readFileSync(file.path));
    decoded.set(file.path, bytes);
  }
  return bytes;
}

/** WOFF 1.0 → the sfnt it wraps (W3C WOFF §4–5): the same tables, each inflated when its stored length is shorter. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => woff.readUInt32BE(at + o)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const stored = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? inflateSync(stored) : stored };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = head.length;
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}
