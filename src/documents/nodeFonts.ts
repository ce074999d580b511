/** The report's fonts read from the installed @fontsource packages with node:fs: the CLI's and the server's. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fontFaces, loadReportFonts, type FontFace, type ReportFonts, type Weight } from './fontFaces';

/** Where a face's WOFF file is on this machine. */
export function fontPath(face: FontFace): string {
  return join(dirname(require.resolve(`${face.pkg}/package.json`)), 'files', face.file);
}

/** The faces of one weight with their paths (the shaping test hands the same files to Chromium). */
export function fontFiles(weight: Weight): (FontFace & { readonly path: string })[] {
  return fontFaces(weight).map((f) => ({ ...f, path: fontPath(f) }));
}

let loaded: Promise<ReportFonts> | undefined;

/** Read and decoded once per process. */
export function nodeReportFonts(): Promise<ReportFonts> {
  loaded ??= loadReportFonts((face) => readFileSync(fontPath(face)));
  return loaded;
}
