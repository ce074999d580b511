/**
 * The font files the PDF embeds: Sarabun (OFL, the open version of the cabinet's TH Sarabun design) from
 * `@fontsource/sarabun`, which ships it split by script (thai, latin, latin-ext) as WOFF files that fontkit reads
 * and pdfkit subsets; and Noto Sans Symbols 2 (OFL) for ✓ ✗, which Sarabun does not draw.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
    ...['thai', 'latin', 'latin-ext'].map((subset) => ({ name: `sarabun-${subset}-${weight}`, path: join(sarabun, `sarabun-${subset}-${weight}-normal.woff`) })),
    // The symbol font has one weight; bold text still gets its ✓ ✗.
    { name: `symbols-${weight}`, path: join(symbols, 'noto-sans-symbols-2-symbols-400-normal.woff') },
  ];
}

export function fontBytes(file: FontFile): Buffer {
  return readFileSync(file.path);
}
