/**
 * The font faces the PDF embeds, and how their bytes arrive: Sarabun (OFL, the open version of the cabinet's TH
 * Sarabun design) from `@fontsource/sarabun`, which ships it split by script (thai, latin, latin-ext) as WOFF, and
 * Noto Sans Symbols 2 (OFL) for ✓ ✗, which Sarabun does not draw. Where the files come from is the caller's:
 * node:fs for the CLI and the server (nodeFonts.ts), fetched asset files in the pane (browserFonts.ts), so this
 * module and the renderers run in both.
 */
import { woffToSfnt } from './woff';

export type Weight = 400 | 700;

export type FontPackage = '@fontsource/sarabun' | '@fontsource/noto-sans-symbols-2';

export interface FontFace {
  /** The name the PDF writer registers it under. */
  readonly name: string;
  readonly pkg: FontPackage;
  /** The file in the package's `files/` folder. */
  readonly file: string;
}

/** The faces in fallback order for one weight: Thai first (its marks), then Latin, Latin-extended, symbols. */
export function fontFaces(weight: Weight): FontFace[] {
  return [
    ...['thai', 'latin', 'latin-ext'].map((subset) => ({
      name: `sarabun-${subset}-${weight}`,
      pkg: '@fontsource/sarabun' as const,
      file: `sarabun-${subset}-${weight}-normal.woff`,
    })),
    // The symbol font has one weight; bold text still gets its ✓ ✗.
    { name: `symbols-${weight}`, pkg: '@fontsource/noto-sans-symbols-2' as const, file: 'noto-sans-symbols-2-symbols-400-normal.woff' },
  ];
}

export const ALL_FONT_FACES: readonly FontFace[] = [...fontFaces(400), ...fontFaces(700)];

/** Each face's TrueType bytes, by its name: what the PDF renderer embeds. */
export type ReportFonts = ReadonlyMap<string, Uint8Array>;

/** A face's file as stored (WOFF): read from disk, fetched, or anything else that gives its bytes. */
export type FontReader = (face: FontFace) => Uint8Array | Promise<Uint8Array>;

/**
 * Every face read once (a file two faces share is read once) and decoded from WOFF to TrueType: fontkit inflates
 * a WOFF's tables in plain JavaScript each time it reads one, which made most of a report's rendering time.
 */
export async function loadReportFonts(read: FontReader): Promise<ReportFonts> {
  const byFile = new Map<string, Promise<Uint8Array>>();
  const out = new Map<string, Uint8Array>();
  for (const face of ALL_FONT_FACES) {
    const key = `${face.pkg}/${face.file}`;
    let bytes = byFile.get(key);
    if (bytes === undefined) {
      bytes = Promise.resolve(read(face)).then(woffToSfnt);
      byFile.set(key, bytes);
    }
    out.set(face.name, await bytes);
  }
  return out;
}
